<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>CallForm</name>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="108"/>
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="109"/>
        <source>Call now</source>
        <translation>Позвонить сейчас</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="110"/>
        <source>Day and time of the call</source>
        <translation>День и время звонка</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="111"/>
        <source>e.g. 1 or 101 or none, separated by spaces</source>
        <translation>например, 1, 101 или none через пробел</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="112"/>
        <source>What the caller presses at each menu</source>
        <translation>Что звонящий нажимает в каждом меню</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="113"/>
        <source>Busy employees</source>
        <translation>Занятые сотрудники</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="114"/>
        <source>Who answers</source>
        <translation>Кто отвечает</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="115"/>
        <source>external number</source>
        <translation>внешний номер</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="116"/>
        <source>External number that answers</source>
        <translation>Внешний номер, который отвечает</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="117"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="118"/>
        <source>Answers after, seconds</source>
        <translation>Отвечает через, секунд</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="119"/>
        <source>How long after its phone starts ringing the target picks up</source>
        <translation>Через сколько секунд после начала звонка абонент снимает трубку</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="120"/>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="120"/>
        <source>Caller presses:</source>
        <translation>Звонящий нажимает:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="120"/>
        <source>Busy:</source>
        <translation>Заняты:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="120"/>
        <source>Answers:</source>
        <translation>Отвечает:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="124"/>
        <location filename="../../pbxdesk/test_call/call_form.py" line="153"/>
        <source>Nobody</source>
        <translation>Никто</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="125"/>
        <location filename="../../pbxdesk/test_call/call_form.py" line="156"/>
        <source>External number…</source>
        <translation>Внешний номер…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/call_form.py" line="205"/>
        <source>The external number that answers is not a 10-digit number</source>
        <translation>Отвечающий внешний номер — не 10-значный номер</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="36"/>
        <source>Ms</source>
        <translation>Сооб</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="37"/>
        <source>Mn</source>
        <translation>Меню</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="38"/>
        <source>Ex</source>
        <translation>Внеш</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="39"/>
        <source>Em</source>
        <translation>Сотр</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="40"/>
        <source>Dp</source>
        <translation>Отд</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="41"/>
        <source>VM</source>
        <translation>АО</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="42"/>
        <source>Fx</source>
        <translation>Факс</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="96"/>
        <source>Week coverage: interval and first action of each hour</source>
        <translation>Покрытие недели: интервал и первое действие каждого часа</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="97"/>
        <source>Coverage warnings</source>
        <translation>Предупреждения о покрытии</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="98"/>
        <source>What to check:</source>
        <translation>Что проверить:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="102"/>
        <source>“!”: a call in that hour can end with no one rung.</source>
        <translation>«!»: звонок в этот час может завершиться, никого не вызвав.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="129"/>
        <source>no scenario</source>
        <translation>нет сценария</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="132"/>
        <source>A call can end here with no one rung.</source>
        <translation>Здесь звонок может завершиться, никого не вызвав.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/coverage_view.py" line="147"/>
        <source>Nothing to check.</source>
        <translation>Проверять нечего.</translation>
    </message>
</context>
<context>
    <name>FlowOverview</name>
    <message>
        <location filename="../../pbxdesk/test_call/flow_layout.py" line="64"/>
        <location filename="../../pbxdesk/test_call/flow_layout.py" line="66"/>
        <source>Call ends</source>
        <translation>Вызов завершается</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_layout.py" line="79"/>
        <source>Connected: %1</source>
        <translation>Соединение: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_layout.py" line="80"/>
        <source>answered</source>
        <translation>ответили</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_layout.py" line="95"/>
        <source>Message by e-mail to %1</source>
        <translation>Сообщение по e-mail: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_layout.py" line="97"/>
        <source>Fax by e-mail to %1</source>
        <translation>Факс по e-mail: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_layout.py" line="120"/>
        <location filename="../../pbxdesk/test_call/flow_layout.py" line="150"/>
        <source>No scenario yet</source>
        <translation>Сценарий ещё не задан</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_layout.py" line="122"/>
        <source>Extension dialled: that employee rings for 30 s</source>
        <translation>Набран внутренний номер: звонит этот сотрудник, 30 с</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_layout.py" line="124"/>
        <source>extension</source>
        <translation>донабор</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="108"/>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="110"/>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="111"/>
        <source>Fit</source>
        <translation>Вписать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="112"/>
        <source>Fit the diagram in the view</source>
        <translation>Вписать схему в окно</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="113"/>
        <source>Export PNG…</source>
        <translation>Экспорт в PNG…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="114"/>
        <source>Export PDF…</source>
        <translation>Экспорт в PDF…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="115"/>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="150"/>
        <source>Flow overview of the number</source>
        <translation>Схема обработки звонков номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="116"/>
        <source>Window</source>
        <translation>В окне</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="117"/>
        <source>Open the diagram in a separate window</source>
        <translation>Открыть схему в отдельном окне</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="133"/>
        <source>Saved %1 (%2 × %3 pixels)</source>
        <translation>Сохранено: %1 (%2 × %3 пикселей)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="139"/>
        <source>Saved %1, pages: %2</source>
        <translation>Сохранено: %1, страниц: %2</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="158"/>
        <source>Export the flow as PNG</source>
        <translation>Экспорт схемы в PNG</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="159"/>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="164"/>
        <source>Export the flow as PDF</source>
        <translation>Экспорт схемы в PDF</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/flow_view.py" line="165"/>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>TestCallPanel</name>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="139"/>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="140"/>
        <source>Simulate the call on the current draft</source>
        <translation>Проверить звонок на текущем черновике</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="141"/>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="142"/>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="143"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="144"/>
        <source>Sound</source>
        <translation>Звук</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="145"/>
        <source>Play the prompts along the way</source>
        <translation>Проигрывать сообщения по ходу звонка</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="146"/>
        <source>Steps of the call</source>
        <translation>Шаги звонка</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="147"/>
        <source>Ring windows</source>
        <translation>Кто и когда вызывается</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="148"/>
        <source>Who rings, seconds from the start of each forward:</source>
        <translation>Кому звонит, в секундах от начала каждой переадресации:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="231"/>
        <source>Cannot simulate: %1</source>
        <translation>Проверка невозможна: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="245"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="247"/>
        <source>(an exception date)</source>
        <translation>(дата-исключение)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/panel.py" line="255"/>
        <source>Nobody is rung</source>
        <translation>Никому не звонит</translation>
    </message>
</context>
<context>
    <name>TestCallTabs</name>
    <message>
        <location filename="../../pbxdesk/test_call/tabs.py" line="43"/>
        <source>Test call</source>
        <translation>Тестовый звонок</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/tabs.py" line="44"/>
        <source>Week coverage</source>
        <translation>Покрытие недели</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/tabs.py" line="45"/>
        <source>Flow overview</source>
        <translation>Схема</translation>
    </message>
</context>
<context>
    <name>TestCallWords</name>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="46"/>
        <source>the system fax greeting</source>
        <translation>системное приветствие факса</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="47"/>
        <source>the system voicemail greeting</source>
        <translation>системное приветствие автоответчика</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="51"/>
        <source>audio file %1</source>
        <translation>аудиофайл %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="59"/>
        <source>Plays %1</source>
        <translation>Проигрывается %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="63"/>
        <source>The caller presses nothing</source>
        <translation>Звонящий ничего не нажимает</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="65"/>
        <source>The caller dials %1</source>
        <translation>Звонящий набирает %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="66"/>
        <source>The caller presses %1</source>
        <translation>Звонящий нажимает %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="71"/>
        <source>Receives a fax</source>
        <translation>Принимается факс</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="72"/>
        <source>Records a voice message</source>
        <translation>Записывается голосовое сообщение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="78"/>
        <source>%1 rings from %2 to %3 s</source>
        <translation>%1: звонок с %2 по %3 с</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="119"/>
        <source>The call stops at a branch with no scenario: %1 (%2)</source>
        <translation>Звонок доходит до ветки без сценария: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="123"/>
        <source>Nobody answered: the call ends</source>
        <translation>Никто не ответил: вызов завершён</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="125"/>
        <source>The call ends after the message</source>
        <translation>Вызов завершён после сообщения</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="126"/>
        <source>The call ends</source>
        <translation>Вызов завершён</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="129"/>
        <source>Connected to %1</source>
        <translation>Соединение с сотрудником: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/test_call/words.py" line="131"/>
        <source>Connected to the external number %1</source>
        <translation>Соединение с внешним номером %1</translation>
    </message>
</context>
</TS>
