<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>MediaCatalog</name>
    <message>
        <location filename="../../pbxdesk/desktop/media_catalog.py" line="29"/>
        <source>No server to read the company&apos;s greetings from: log in to the company&apos;s server.</source>
        <translation>Нет сервера, с которого можно прочитать приветствия компании: войдите на сервер компании.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/desktop/media_catalog.py" line="32"/>
        <source>The server cannot be reached: the company&apos;s greetings cannot be listed now.</source>
        <translation>Нет связи с сервером: список приветствий компании сейчас не получить.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/desktop/media_catalog.py" line="34"/>
        <source>The company&apos;s greetings could not be read.</source>
        <translation>Не удалось прочитать приветствия компании.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/desktop/media_catalog.py" line="158"/>
        <source>Renamed to “%1”.</source>
        <translation>Новое имя: «%1».</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/desktop/media_catalog.py" line="159"/>
        <source>“%1” was removed from the company&apos;s greetings.</source>
        <translation>«%1» удалён из приветствий компании.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/desktop/media_catalog.py" line="166"/>
        <source>no server: log in to the company&apos;s server.</source>
        <translation>нет сервера: войдите на сервер компании.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/desktop/media_catalog.py" line="168"/>
        <source>the server cannot be reached now.</source>
        <translation>сервер сейчас недоступен.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/desktop/media_catalog.py" line="173"/>
        <source>Not renamed to “%1”: %2</source>
        <translation>Не переименовано в «%1»: %2</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/desktop/media_catalog.py" line="174"/>
        <source>“%1” was not removed: %2</source>
        <translation>«%1» не удалён: %2</translation>
    </message>
</context>
<context>
    <name>MediaFetcher</name>
    <message>
        <location filename="../../pbxdesk/desktop/media_fetch.py" line="32"/>
        <source>The server cannot be reached: the audio file is not on this computer yet. It is downloaded when the server is back.</source>
        <translation>Нет связи с сервером: аудиофайла пока нет на этом компьютере. Он загрузится, когда сервер станет доступен.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/desktop/media_fetch.py" line="35"/>
        <source>No server to download the audio file from: log in to the company&apos;s server.</source>
        <translation>Аудиофайл неоткуда загрузить: войдите на сервер компании.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/desktop/media_fetch.py" line="38"/>
        <source>The server has no such audio file.</source>
        <translation>На сервере нет такого аудиофайла.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/desktop/media_fetch.py" line="39"/>
        <source>The audio file could not be downloaded.</source>
        <translation>Не удалось загрузить аудиофайл.</translation>
    </message>
</context>
</TS>
