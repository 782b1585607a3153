<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ActionMenu</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/action_menu.py" line="19"/>
        <source>Add an action</source>
        <translation>Добавить действие</translation>
    </message>
</context>
<context>
    <name>ForwardEditor</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="40"/>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="44"/>
        <source>Forward to</source>
        <translation>Направить на</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="41"/>
        <source>External number</source>
        <translation>Внешний номер</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="42"/>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="83"/>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="85"/>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="43"/>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="91"/>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="93"/>
        <source>Department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="45"/>
        <source>Voice message before ringing</source>
        <translation>Голосовое сообщение перед вызовом</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="47"/>
        <source>Voice message</source>
        <translation>Голосовое сообщение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="54"/>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="56"/>
        <source>Answer timeout</source>
        <translation>Время ожидания ответа</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="68"/>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="72"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="96"/>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="101"/>
        <source>Call distribution</source>
        <translation>Распределение звонков</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="97"/>
        <source>All at once</source>
        <translation>Всем сразу</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="98"/>
        <source>In turn</source>
        <translation>По очереди</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="99"/>
        <source>Incremental</source>
        <translation>По нарастающей</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="104"/>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="106"/>
        <source>Step between members</source>
        <translation>Длительность между переходами</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="115"/>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="121"/>
        <source>%1 (not in the directory)</source>
        <translation>%1 (нет в справочнике)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="152"/>
        <source>The answer timeout %1 is not available for %2; it is set to %3.</source>
        <translation>Время ожидания ответа %1 недоступно для действия «%2»; установлено %3.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="161"/>
        <source>The voice message and what happens if nobody answers are kept.</source>
        <translation>Голосовое сообщение и продолжение сценария, если никто не ответит, сохранены.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="198"/>
        <source>Enter a 10-digit number.</source>
        <translation>Укажите номер из 10 цифр.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="214"/>
        <source>Enter the voice message or switch it off.</source>
        <translation>Введите голосовое сообщение или выключите его.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="225"/>
        <source>Choose an employee.</source>
        <translation>Выберите сотрудника.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/forward.py" line="230"/>
        <source>Choose a department.</source>
        <translation>Выберите отдел.</translation>
    </message>
</context>
<context>
    <name>MailEditor</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="33"/>
        <source>Own voice message</source>
        <translation>Своё голосовое сообщение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="35"/>
        <source>Voice message</source>
        <translation>Голосовое сообщение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="42"/>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="64"/>
        <source>Send messages to</source>
        <translation>Отправить сообщение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="48"/>
        <source>Employee or department</source>
        <translation>Сотрудник или отдел</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="53"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="55"/>
        <source>Add recipient</source>
        <translation>Добавить получателя</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="58"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="60"/>
        <source>Remove recipient</source>
        <translation>Удалить получателя</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="67"/>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="70"/>
        <source>Also send to an external e-mail</source>
        <translation>Отправлять сообщение на внешний e-mail</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="80"/>
        <source>Employee: %1</source>
        <translation>Сотрудник: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="82"/>
        <source>Department: %1</source>
        <translation>Отдел: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="110"/>
        <source>%1 is already a recipient.</source>
        <translation>%1 — уже в списке получателей.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="141"/>
        <source>Enter the voice message or switch it off.</source>
        <translation>Введите голосовое сообщение или выключите его.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/mail.py" line="144"/>
        <source>“%1” is not an e-mail address.</source>
        <translation>«%1» — не адрес электронной почты.</translation>
    </message>
</context>
<context>
    <name>MenuEditor</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="27"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="35"/>
        <source>Key %1</source>
        <translation>Кнопка %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="39"/>
        <source>Menu keys</source>
        <translation>Кнопки меню</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="40"/>
        <source>Extension dialing</source>
        <translation>Донабор внутреннего номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="45"/>
        <source> s</source>
        <translation> сек.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="46"/>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="48"/>
        <source>Wait for a key</source>
        <translation>Ожидание нажатия</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="52"/>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="54"/>
        <source>Plays of the menu</source>
        <translation>Повторов меню</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="67"/>
        <source>The stored wait of %1 s is outside 1–30 s.</source>
        <translation>Сохранённое ожидание %1 сек. вне допустимых 1–30 сек.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="69"/>
        <source>The stored number of plays %1 is outside 1–5.</source>
        <translation>Сохранённое число повторов %1 вне допустимых 1–5.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="80"/>
        <source>Remove key</source>
        <translation>Удалить кнопку</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="81"/>
        <source>Key %1 has a scenario. Remove the key and its scenario when you save?</source>
        <translation>У кнопки %1 есть сценарий. Удалить кнопку вместе с её сценарием при сохранении?</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/menu.py" line="101"/>
        <source>A menu needs a message: a text or an audio file.</source>
        <translation>Меню нужно сообщение: текст или аудиофайл.</translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/message.py" line="17"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/message.py" line="26"/>
        <source>A message needs a text or an audio file.</source>
        <translation>Сообщению нужен текст или аудиофайл.</translation>
    </message>
</context>
<context>
    <name>NodeEditor</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/base.py" line="74"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/base.py" line="75"/>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/base.py" line="76"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>NodePanel</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/node_panel.py" line="147"/>
        <source>No action selected</source>
        <translation>Действие не выбрано</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/node_panel.py" line="147"/>
        <source>Empty branch</source>
        <translation>Пустая ветка</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/node_panel.py" line="149"/>
        <source>Select an action in the tree to edit it.</source>
        <translation>Выберите действие в дереве, чтобы изменить его.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/node_panel.py" line="150"/>
        <source>Nothing happens here yet. Click “+” in the tree (or press Enter on it) and choose an action.</source>
        <translation>Здесь пока ничего не происходит. Нажмите «+» в дереве (или Enter на нём) и выберите действие.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/node_panel.py" line="162"/>
        <source>New: %1</source>
        <translation>Новое действие: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/node_panel.py" line="200"/>
        <source>Add %1</source>
        <translation>Добавить «%1»</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/node_panel.py" line="200"/>
        <source>Edit %1</source>
        <translation>Изменить «%1»</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/node_panel.py" line="219"/>
        <source>Delete %1</source>
        <translation>Удалить «%1»</translation>
    </message>
</context>
<context>
    <name>ProblemsList</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/problems_view.py" line="58"/>
        <source>Problems</source>
        <translation>Ошибки и предупреждения</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="62"/>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="64"/>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="99"/>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="100"/>
        <source>Save changes</source>
        <translation>Сохранить изменения</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="101"/>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="123"/>
        <source>Cut</source>
        <translation>Вырезать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="101"/>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="124"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="102"/>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="126"/>
        <source>Paste</source>
        <translation>Вставить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="102"/>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="128"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="103"/>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="131"/>
        <source>Undo</source>
        <translation>Отменить действие</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="103"/>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="133"/>
        <source>Redo</source>
        <translation>Повторить действие</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="141"/>
        <source>Add action</source>
        <translation>Добавить действие</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="209"/>
        <source>Cut %1</source>
        <translation>Вырезать «%1»</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="224"/>
        <source>Paste %1</source>
        <translation>Вставить «%1»</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="234"/>
        <source>Delete %1</source>
        <translation>Удалить «%1»</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="242"/>
        <source>Finish or cancel the action being edited first.</source>
        <translation>Сначала сохраните или отмените изменения открытого действия.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="257"/>
        <source>Branches without a scenario: %1</source>
        <translation>Нет сценария в ветках: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editor.py" line="264"/>
        <source>Not saved.</source>
        <translation>Изменения не сохранены.</translation>
    </message>
</context>
<context>
    <name>ScenarioFields</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/fields.py" line="50"/>
        <source>%1 min</source>
        <translation>%1 мин.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/fields.py" line="51"/>
        <source>%1 s</source>
        <translation>%1 сек.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/editors/fields.py" line="82"/>
        <source>%1 (not allowed)</source>
        <translation>%1 (недопустимо)</translation>
    </message>
</context>
<context>
    <name>ScenarioLabels</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="22"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="23"/>
        <source>Self-service menu</source>
        <translation>Меню самообслуживания</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="24"/>
        <source>Forward to external number</source>
        <translation>Направить на внешний номер</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="25"/>
        <source>Forward to employee</source>
        <translation>Направить на сотрудника</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="26"/>
        <source>Forward to department</source>
        <translation>Направить на отдел</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="27"/>
        <source>Voicemail</source>
        <translation>Автоответчик</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="28"/>
        <source>Fax</source>
        <translation>Факс</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="34"/>
        <source>Key %1</source>
        <translation>Кнопка %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="38"/>
        <source>Nothing pressed</source>
        <translation>Ничего не выбрано</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="43"/>
        <source>then</source>
        <translation>далее</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="44"/>
        <source>if not answered</source>
        <translation>если не ответили</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="53"/>
        <source>Working time</source>
        <translation>Рабочее время</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="55"/>
        <source>Non-working time</source>
        <translation>Нерабочее время</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="60"/>
        <source>(never occurs)</source>
        <translation>(не наступает)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="77"/>
        <source>Problems in the actions below: %1</source>
        <translation>Проблемы в действиях ниже: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/labels.py" line="82"/>
        <source>Add an action here (click or press Enter)</source>
        <translation>Добавить действие сюда (щелчок или Enter)</translation>
    </message>
</context>
<context>
    <name>ScenarioTreeModel</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/tree_dragdrop.py" line="72"/>
        <source>Move action</source>
        <translation>Переместить действие</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/scenario_editor/tree_dragdrop.py" line="73"/>
        <source>Paste action</source>
        <translation>Вставить действие</translation>
    </message>
</context>
<context>
    <name>ScenarioTreeView</name>
    <message>
        <location filename="../../pbxdesk/scenario_editor/tree_view.py" line="25"/>
        <source>Call scenario</source>
        <translation>Сценарий входящих звонков</translation>
    </message>
</context>
</TS>
