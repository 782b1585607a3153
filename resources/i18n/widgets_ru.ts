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
    <name>MediaPickerDialog</name>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="164"/>
        <source>Audio file {0}…</source>
        <translation>Аудиофайл {0}…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="169"/>
        <source>not used</source>
        <translation>не используется</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="188"/>
        <source>Rename the greeting</source>
        <translation>Переименование приветствия</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="188"/>
        <source>New name:</source>
        <translation>Новое имя:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="190"/>
        <source>Renaming…</source>
        <translation>Переименование…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="197"/>
        <source>Remove “%1” from the company&apos;s greetings? Numbers no longer play it; the server refuses while a routing or an earlier revision uses it.</source>
        <translation>Удалить «%1» из приветствий компании? Номера больше не будут его проигрывать; сервер откажет, пока его использует маршрутизация или её прежняя версия.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="199"/>
        <source>Remove the greeting</source>
        <translation>Удаление приветствия</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="201"/>
        <source>Removing…</source>
        <translation>Удаление…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="249"/>
        <source>The company&apos;s greetings</source>
        <translation>Приветствия компании</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="250"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="250"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="250"/>
        <source>Used by numbers</source>
        <translation>Используют номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="251"/>
        <source>Choose</source>
        <translation>Выбрать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="252"/>
        <source>Reading the company&apos;s greetings from the server…</source>
        <translation>Читаем приветствия компании с сервера…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="253"/>
        <source>The company has no greetings on the server yet.</source>
        <translation>На сервере пока нет приветствий компании.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="255"/>
        <source>Choose a greeting; Listen plays it.</source>
        <translation>Выберите приветствие; «Прослушать» проиграет его.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="258"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="259"/>
        <source>Remove…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="265"/>
        <source>Preparing…</source>
        <translation>Подготовка…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="265"/>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="265"/>
        <source>Listen</source>
        <translation>Прослушать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="274"/>
        <source>This greeting is the one chosen where you opened this list.</source>
        <translation>Это приветствие выбрано там, откуда открыт этот список.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/media_picker.py" line="283"/>
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>ru</translation>
    </message>
</context>
<context>
    <name>PromptFileMixin</name>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="65"/>
        <source>Choose audio file…</source>
        <translation>Выбрать аудиофайл…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="66"/>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="92"/>
        <source>Choose audio file</source>
        <translation>Выбрать аудиофайл</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="67"/>
        <source>From the company&apos;s greetings…</source>
        <translation>Из приветствий компании…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="68"/>
        <source>Choose from the company&apos;s greetings</source>
        <translation>Выбрать из приветствий компании</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="69"/>
        <source>A greeting the company already uploaded, used by other numbers</source>
        <translation>Приветствие, которое компания уже загрузила, — его используют и другие номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="70"/>
        <source>Conversion progress</source>
        <translation>Ход преобразования</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="71"/>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="72"/>
        <source>Cancel the conversion</source>
        <translation>Отменить преобразование</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="93"/>
        <source>Audio files ({0});;All files (*)</source>
        <translation>Аудиофайлы ({0});;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="152"/>
        <source>Audio file {0}…</source>
        <translation>Аудиофайл {0}…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="157"/>
        <source>{0} — downloading from the server…</source>
        <translation>{0} — загружается с сервера…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="161"/>
        <source>{0} (not available on this computer)</source>
        <translation>{0} (нет на этом компьютере)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_file.py" line="163"/>
        <source>No file chosen</source>
        <translation>Файл не выбран</translation>
    </message>
</context>
<context>
    <name>PromptListenMixin</name>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="47"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="125"/>
        <source>Preparing…</source>
        <translation>Подготовка…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="127"/>
        <source>Playing</source>
        <translation>Воспроизведение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="129"/>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="133"/>
        <source>Listen</source>
        <translation>Прослушать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="133"/>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="146"/>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="136"/>
        <source>No voice message is played.</source>
        <translation>Голосовое сообщение не проигрывается.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="140"/>
        <source>Choose an audio file first.</source>
        <translation>Сначала выберите аудиофайл.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="142"/>
        <source>This audio file is not available on this computer yet.</source>
        <translation>Этого аудиофайла пока нет на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="144"/>
        <source>Type the text to speak first.</source>
        <translation>Сначала введите текст для озвучивания.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_listen.py" line="147"/>
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
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="122"/>
        <source>Play a voice message first</source>
        <translation>Сначала проиграть голосовое сообщение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="123"/>
        <source>Text to speech</source>
        <translation>Текст в голос</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="124"/>
        <source>Audio file</source>
        <translation>Аудиофайл</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/widgets/prompt_widget.py" line="218"/>
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>ru</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <location filename="../../pbxdesk/widgets/waveform.py" line="22"/>
        <source>Waveform</source>
        <translation>Форма волны</translation>
    </message>
</context>
</TS>
