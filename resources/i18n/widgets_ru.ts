<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../pbxdesk/widgets/error_dialog.py" line="17" />
        <source>pbxdesk: something went wrong</source>
        <translation>pbxdesk: что-то пошло не так</translation>
    </message>
</context>
<context>
    <name>PromptWidget</name>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="174" />
        <source>Play a voice message first</source>
        <translation>Сначала проиграть голосовое сообщение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="175" />
        <source>Text to speech</source>
        <translation>Текст в голос</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="176" />
        <source>Audio file</source>
        <translation>Аудиофайл</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="177" />
        <source>Text to speak</source>
        <translation>Текст для озвучивания</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="178" />
        <source>What the caller hears, for example: Hello! You have called…</source>
        <translation>Что услышит звонящий, например: Здравствуйте! Вы позвонили…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="179" />
        <source>Voice</source>
        <translation>Голос</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="180" />
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="181" />
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="182" />
        <source>Voice:</source>
        <translation>Голос:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="183" />
        <source>Choose audio file…</source>
        <translation>Выбрать аудиофайл…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="184" />
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="310" />
        <source>Choose audio file</source>
        <translation>Выбрать аудиофайл</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="185" />
        <source>Conversion progress</source>
        <translation>Ход преобразования</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="186" />
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="187" />
        <source>Cancel the conversion</source>
        <translation>Отменить преобразование</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="188" />
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="311" />
        <source>Audio files ({0});;All files (*)</source>
        <translation>Аудиофайлы ({0});;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="406" />
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>ru</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="189" />
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="416" />
        <source>{0} / {1} characters</source>
        <translation>{0} / {1} символов</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="424" />
        <source>Audio file {0}…</source>
        <translation>Аудиофайл {0}…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="426" />
        <source>{0} (not available on this computer)</source>
        <translation>{0} (нет на этом компьютере)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="428" />
        <source>No file chosen</source>
        <translation>Файл не выбран</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="433" />
        <source>Preparing…</source>
        <translation>Подготовка…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="435" />
        <source>Playing</source>
        <translation>Воспроизведение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="437" />
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="441" />
        <source>Listen</source>
        <translation>Прослушать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="441" />
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="454" />
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="444" />
        <source>No voice message is played.</source>
        <translation>Голосовое сообщение не проигрывается.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="448" />
        <source>Choose an audio file first.</source>
        <translation>Сначала выберите аудиофайл.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="450" />
        <source>This audio file is not available on this computer yet.</source>
        <translation>Этого аудиофайла пока нет на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="452" />
        <source>Type the text to speak first.</source>
        <translation>Сначала введите текст для озвучивания.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="455" />
        <source>Listen to what the caller will hear</source>
        <translation>Прослушать то, что услышит звонящий</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <location filename="../../pbxdesk/widgets/waveform.py" line="18" />
        <source>Waveform</source>
        <translation>Форма волны</translation>
    </message>
</context>
</TS>