<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../pbxdesk/widgets/error_dialog.py" line="17"/>
        <source>pbxdesk: something went wrong</source>
        <translation>pbxdesk: что-то пошло не так</translation>
    </message>
</context>
<context>
    <name>PromptFileMixin</name>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="57"/>
        <source>Choose audio file…</source>
        <translation>Выбрать аудиофайл…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="58"/>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="81"/>
        <source>Choose audio file</source>
        <translation>Выбрать аудиофайл</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="59"/>
        <source>Conversion progress</source>
        <translation>Ход преобразования</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="60"/>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="61"/>
        <source>Cancel the conversion</source>
        <translation>Отменить преобразование</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="82"/>
        <source>Audio files ({0});;All files (*)</source>
        <translation>Аудиофайлы ({0});;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="110"/>
        <source>Audio file {0}…</source>
        <translation>Аудиофайл {0}…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="115"/>
        <source>{0} — downloading from the server…</source>
        <translation>{0} — загружается с сервера…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="119"/>
        <source>{0} (not available on this computer)</source>
        <translation>{0} (нет на этом компьютере)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="121"/>
        <source>No file chosen</source>
        <translation>Файл не выбран</translation>
    </message>
</context>
<context>
    <name>PromptListenMixin</name>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="44"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="122"/>
        <source>Preparing…</source>
        <translation>Подготовка…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="124"/>
        <source>Playing</source>
        <translation>Воспроизведение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="126"/>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="130"/>
        <source>Listen</source>
        <translation>Прослушать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="130"/>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="143"/>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="133"/>
        <source>No voice message is played.</source>
        <translation>Голосовое сообщение не проигрывается.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="137"/>
        <source>Choose an audio file first.</source>
        <translation>Сначала выберите аудиофайл.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="139"/>
        <source>This audio file is not available on this computer yet.</source>
        <translation>Этого аудиофайла пока нет на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="141"/>
        <source>Type the text to speak first.</source>
        <translation>Сначала введите текст для озвучивания.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="144"/>
        <source>Listen to what the caller will hear</source>
        <translation>Прослушать то, что услышит звонящий</translation>
    </message>
</context>
<context>
    <name>PromptTtsMixin</name>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_tts.py" line="55"/>
        <source>Text to speak</source>
        <translation>Текст для озвучивания</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_tts.py" line="56"/>
        <source>What the caller hears, for example: Hello! You have called…</source>
        <translation>Что услышит звонящий, например: Здравствуйте! Вы позвонили…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_tts.py" line="57"/>
        <source>Voice</source>
        <translation>Голос</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_tts.py" line="58"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_tts.py" line="59"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_tts.py" line="60"/>
        <source>Voice:</source>
        <translation>Голос:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_tts.py" line="61"/>
        <location filename="../../pbxdesk/widgets/prompt_tts.py" line="85"/>
        <source>{0} / {1} characters</source>
        <translation>{0} / {1} символов</translation>
    </message>
</context>
<context>
    <name>PromptWidget</name>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="120"/>
        <source>Play a voice message first</source>
        <translation>Сначала проиграть голосовое сообщение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="121"/>
        <source>Text to speech</source>
        <translation>Текст в голос</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="122"/>
        <source>Audio file</source>
        <translation>Аудиофайл</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="216"/>
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>ru</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <location filename="../../pbxdesk/widgets/waveform.py" line="18"/>
        <source>Waveform</source>
        <translation>Форма волны</translation>
    </message>
</context>
</TS>
