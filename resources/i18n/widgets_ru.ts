<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>PromptPlayer</name>
    <message>
        <location filename="../../pbxdesk/audio/player.py" line="238"/>
        <source>No audio output device: no sound card or sound server was found.</source>
        <translation>Нет устройства вывода звука: не найдены ни звуковая карта, ни звуковой сервер.</translation>
    </message>
</context>
<context>
    <name>PromptWidget</name>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="157"/>
        <source>Text to speech</source>
        <translation>Текст в голос</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="158"/>
        <source>Audio file</source>
        <translation>Аудиофайл</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="159"/>
        <source>Text to speak</source>
        <translation>Текст для озвучивания</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="160"/>
        <source>What the caller hears, for example: Hello! You have called…</source>
        <translation>Что услышит звонящий, например: Здравствуйте! Вы позвонили…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="161"/>
        <source>Voice</source>
        <translation>Голос</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="162"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="163"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="164"/>
        <source>Voice:</source>
        <translation>Голос:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="165"/>
        <source>Choose audio file…</source>
        <translation>Выбрать аудиофайл…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="166"/>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="264"/>
        <source>Choose audio file</source>
        <translation>Выбрать аудиофайл</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="167"/>
        <source>Conversion progress</source>
        <translation>Ход преобразования</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="168"/>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="169"/>
        <source>Cancel the conversion</source>
        <translation>Отменить преобразование</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="170"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="265"/>
        <source>Audio files ({0});;All files (*)</source>
        <translation>Аудиофайлы ({0});;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="362"/>
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>ru</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="369"/>
        <source>{0} / {1} characters</source>
        <translation>{0} / {1} символов</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="377"/>
        <source>Audio file {0}…</source>
        <translation>Аудиофайл {0}…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="379"/>
        <source>{0} (not available on this computer)</source>
        <translation>{0} (нет на этом компьютере)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="381"/>
        <source>No file chosen</source>
        <translation>Файл не выбран</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="386"/>
        <source>Preparing…</source>
        <translation>Подготовка…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="388"/>
        <source>Playing</source>
        <translation>Воспроизведение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="390"/>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="394"/>
        <source>Listen</source>
        <translation>Прослушать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="394"/>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="405"/>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="399"/>
        <source>Choose an audio file first.</source>
        <translation>Сначала выберите аудиофайл.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="401"/>
        <source>This audio file is not available on this computer yet.</source>
        <translation>Этого аудиофайла пока нет на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="403"/>
        <source>Type the text to speak first.</source>
        <translation>Сначала введите текст для озвучивания.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="406"/>
        <source>Listen to what the caller will hear</source>
        <translation>Прослушать то, что услышит звонящий</translation>
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
