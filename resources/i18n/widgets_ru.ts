<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>PromptPlayer</name>
    <message>
        <location filename="../../pbxdesk/audio/player.py" line="200"/>
        <source>No audio output device: no sound card or sound server was found.</source>
        <translation>Нет устройства вывода звука: не найдены ни звуковая карта, ни звуковой сервер.</translation>
    </message>
</context>
<context>
    <name>PromptWidget</name>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="163"/>
        <source>Play a voice message first</source>
        <translation>Сначала проиграть голосовое сообщение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="164"/>
        <source>Text to speech</source>
        <translation>Текст в голос</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="165"/>
        <source>Audio file</source>
        <translation>Аудиофайл</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="166"/>
        <source>Text to speak</source>
        <translation>Текст для озвучивания</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="167"/>
        <source>What the caller hears, for example: Hello! You have called…</source>
        <translation>Что услышит звонящий, например: Здравствуйте! Вы позвонили…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="168"/>
        <source>Voice</source>
        <translation>Голос</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="169"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="170"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="171"/>
        <source>Voice:</source>
        <translation>Голос:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="172"/>
        <source>Choose audio file…</source>
        <translation>Выбрать аудиофайл…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="173"/>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="299"/>
        <source>Choose audio file</source>
        <translation>Выбрать аудиофайл</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="174"/>
        <source>Conversion progress</source>
        <translation>Ход преобразования</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="175"/>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="176"/>
        <source>Cancel the conversion</source>
        <translation>Отменить преобразование</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="177"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="300"/>
        <source>Audio files ({0});;All files (*)</source>
        <translation>Аудиофайлы ({0});;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="397"/>
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>ru</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="178"/>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="407"/>
        <source>{0} / {1} characters</source>
        <translation>{0} / {1} символов</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="415"/>
        <source>Audio file {0}…</source>
        <translation>Аудиофайл {0}…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="417"/>
        <source>{0} (not available on this computer)</source>
        <translation>{0} (нет на этом компьютере)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="419"/>
        <source>No file chosen</source>
        <translation>Файл не выбран</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="424"/>
        <source>Preparing…</source>
        <translation>Подготовка…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="426"/>
        <source>Playing</source>
        <translation>Воспроизведение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="428"/>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="432"/>
        <source>Listen</source>
        <translation>Прослушать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="432"/>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="445"/>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="435"/>
        <source>No voice message is played.</source>
        <translation>Голосовое сообщение не проигрывается.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="439"/>
        <source>Choose an audio file first.</source>
        <translation>Сначала выберите аудиофайл.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="441"/>
        <source>This audio file is not available on this computer yet.</source>
        <translation>Этого аудиофайла пока нет на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="443"/>
        <source>Type the text to speak first.</source>
        <translation>Сначала введите текст для озвучивания.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="446"/>
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
