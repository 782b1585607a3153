<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>PromptPlayer</name>
    <message>
        <location filename="../../pbxdesk/audio/player.py" line="104"/>
        <source>No audio output device: no sound card or sound server was found.</source>
        <translation>Нет устройства вывода звука: не найдены ни звуковая карта, ни звуковой сервер.</translation>
    </message>
</context>
</TS>
