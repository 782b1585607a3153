<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>About</name>
    <message>
        <location filename="../../pbxdesk/app/about.py" line="14"/>
        <source>Incoming-call configurator for a cloud PBX.</source>
        <translation>Настройка входящих вызовов облачной АТС.</translation>
    </message>
</context>
<context>
    <name>CopyFromDialog</name>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="43"/>
        <source>Copy settings</source>
        <translation>Скопировать настройки</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="45"/>
        <source>Choose the number whose settings you want to copy. Everything but the number itself and its name is copied.</source>
        <translation>Выберите номер, настройки которого вы хотите скопировать. Копируется всё, кроме самого номера и его названия.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="49"/>
        <source>Numbers to copy from</source>
        <translation>Номера, откуда копировать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="54"/>
        <source>Copy</source>
        <translation>Скопировать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="56"/>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
</context>
<context>
    <name>CopyToDialog</name>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="77"/>
        <source>Copy settings to other numbers</source>
        <translation>Скопировать настройки на другие номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="80"/>
        <source>Settings of %1 (schedule and scenarios) will replace those of the checked numbers; their names stay.</source>
        <translation>Настройки номера %1 (расписание и сценарии) заменят настройки отмеченных номеров; их названия останутся.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="85"/>
        <source>Numbers to copy to</source>
        <translation>Номера, куда копировать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="93"/>
        <source>What changes</source>
        <translation>Что изменится</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="96"/>
        <source>Copy</source>
        <translation>Скопировать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="98"/>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="122"/>
        <source>nothing changes</source>
        <translation>ничего не изменится</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="124"/>
        <source>its unsaved draft will be replaced</source>
        <translation>его несохранённый черновик будет заменён</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_dialog.py" line="125"/>
        <source>Check the numbers to copy to.</source>
        <translation>Отметьте номера, на которые нужно скопировать настройки.</translation>
    </message>
</context>
<context>
    <name>EditorHeader</name>
    <message>
        <location filename="../../pbxdesk/app/editor_header.py" line="65"/>
        <source>Number name:</source>
        <translation>Название номера:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_header.py" line="66"/>
        <source>Number name</source>
        <translation>Название номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_header.py" line="67"/>
        <source>Undo</source>
        <translation>Отменить действие</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_header.py" line="68"/>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Отменить последнее изменение (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_header.py" line="69"/>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_header.py" line="70"/>
        <source>Redo the change undone last (Ctrl+Shift+Z or Ctrl+Y)</source>
        <translation>Повторить отменённое изменение (Ctrl+Shift+Z или Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_header.py" line="71"/>
        <source>Copy settings…</source>
        <translation>Скопировать настройки…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_header.py" line="72"/>
        <source>Copy the schedule and scenarios of another number here</source>
        <translation>Скопировать сюда расписание и сценарии другого номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_header.py" line="73"/>
        <source>Copy to numbers…</source>
        <translation>Скопировать на номера…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_header.py" line="74"/>
        <source>Copy these settings to several other numbers</source>
        <translation>Скопировать эти настройки на несколько других номеров</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_header.py" line="75"/>
        <source>Cancel changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_header.py" line="76"/>
        <source>Drop unsaved changes and go back to the saved settings</source>
        <translation>Отбросить несохранённые изменения и вернуться к сохранённым настройкам</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="146"/>
        <location filename="../../pbxdesk/app/main_window.py" line="149"/>
        <source>The profile could not be opened.</source>
        <translation>Не удалось открыть профиль.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="283"/>
        <source>pbxdesk — Incoming calls</source>
        <translation>pbxdesk — Входящие вызовы</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="285"/>
        <source>(demo)</source>
        <translation>(демо)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="287"/>
        <source>Incoming calls</source>
        <translation>Входящие вызовы</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="288"/>
        <source>Choose a number and press the pencil, Enter or double-click to set up its schedule and call scenario.</source>
        <translation>Выберите номер и нажмите на карандаш, Enter или дважды щёлкните, чтобы настроить его расписание и сценарий входящих звонков.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="290"/>
        <source>Search by number or name</source>
        <translation>Поиск по номеру или названию</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="291"/>
        <source>Search numbers</source>
        <translation>Поиск номеров</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="292"/>
        <source>Show withdrawn numbers</source>
        <translation>Показывать изъятые номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="293"/>
        <source>Numbers the company no longer has (removed, or moved to another company): read-only, an unsent edit of them can be exported</source>
        <translation>Номера, которых у компании больше нет (удалены или переданы другой компании): только для чтения, неотправленную правку можно экспортировать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="295"/>
        <source>Incoming calls: the company&apos;s numbers</source>
        <translation>Входящие вызовы: номера компании</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="296"/>
        <source>Columns of the numbers list</source>
        <translation>Столбцы списка номеров</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="297"/>
        <source>Open numbers</source>
        <translation>Открытые номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="298"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="299"/>
        <source>&amp;Number</source>
        <translation>&amp;Номер</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="300"/>
        <source>&amp;Sync</source>
        <translation>&amp;Синхронизация</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="301"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="302"/>
        <source>Toolbar</source>
        <translation>Панель инструментов</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="303"/>
        <source>Edit number</source>
        <translation>Настроить номер</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="304"/>
        <source>Open the selected number (Enter or double-click)</source>
        <translation>Открыть выбранный номер (Enter или двойной щелчок)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="305"/>
        <source>Find number</source>
        <translation>Найти номер</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="306"/>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="307"/>
        <source>Cancel sync</source>
        <translation>Отменить синхронизацию</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="308"/>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="309"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/main_window.py" line="310"/>
        <location filename="../../pbxdesk/app/main_window.py" line="337"/>
        <source>About pbxdesk</source>
        <translation>О программе pbxdesk</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_tabs.py" line="61"/>
        <source>The number %1 could not be opened.</source>
        <translation>Не удалось открыть номер %1.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_tabs.py" line="105"/>
        <source>Close %1</source>
        <translation>Закрыть %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_tabs.py" line="121"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/editor_tabs.py" line="122"/>
        <source>The number %1 has unsaved changes. They are kept as a draft if you close it now.</source>
        <translation>У номера %1 есть несохранённые изменения. Если закрыть его сейчас, они останутся в черновике.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/window_views.py" line="87"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/window_views.py" line="88"/>
        <source>Numbers list</source>
        <translation>Список номеров</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/window_views.py" line="89"/>
        <source>Show or hide the list of numbers (F9)</source>
        <translation>Показать или скрыть список номеров (F9)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/window_views.py" line="92"/>
        <source>Test call</source>
        <translation>Тестовый звонок</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/window_views.py" line="93"/>
        <source>Show or hide the test call of the open number (F8)</source>
        <translation>Показать или скрыть тестовый звонок открытого номера (F8)</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../pbxdesk/app/number_editor.py" line="152"/>
        <source>Schedule and scenario</source>
        <translation>Расписание и сценарий</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/number_editor.py" line="153"/>
        <source>Week coverage</source>
        <translation>Покрытие недели</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/number_editor.py" line="154"/>
        <source>Flow overview</source>
        <translation>Схема</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/number_editor.py" line="155"/>
        <source>Views of the number</source>
        <translation>Виды номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/number_editor.py" line="181"/>
        <source>Rename number</source>
        <translation>Переименование номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/number_editor.py" line="227"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/number_editor.py" line="236"/>
        <location filename="../../pbxdesk/app/number_editor.py" line="242"/>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/number_editor.py" line="238"/>
        <source>The changes were not saved; they are kept in the draft.</source>
        <translation>Изменения не сохранены; они остались в черновике.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/number_editor.py" line="247"/>
        <source>Saved. The change will be sent to the server at the next sync.</source>
        <translation>Сохранено. Изменение будет отправлено на сервер при следующей синхронизации.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/number_editor.py" line="255"/>
        <source>Cancel changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/number_editor.py" line="256"/>
        <source>Drop the unsaved changes of this number?</source>
        <translation>Отбросить несохранённые изменения этого номера?</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_actions.py" line="57"/>
        <source>The number has no saved settings.</source>
        <translation>У номера нет сохранённых настроек.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_actions.py" line="61"/>
        <source>Copy settings from %1</source>
        <translation>Копирование настроек с номера %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_actions.py" line="64"/>
        <source>Settings copied from %1. Check them and save.</source>
        <translation>Настройки скопированы с номера %1. Проверьте их и сохраните.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_actions.py" line="69"/>
        <source>Copy settings</source>
        <translation>Скопировать настройки</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_actions.py" line="70"/>
        <source>Save the changes of this number first: its saved settings are copied.</source>
        <translation>Сначала сохраните изменения этого номера: копируются его сохранённые настройки.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_actions.py" line="98"/>
        <source>Not copied: %1</source>
        <translation>Не скопировано: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/copy_actions.py" line="102"/>
        <source>Settings copied to %1 numbers and queued for sync.</source>
        <translation>Настройки скопированы на номера (%1) и поставлены в очередь на синхронизацию.</translation>
    </message>
</context>
<context>
    <name>NumbersModel</name>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="81"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="81"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="81"/>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="81"/>
        <source>Right now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="82"/>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="85"/>
        <source>Around the clock</source>
        <translation>Круглосуточно</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="85"/>
        <source>By schedule</source>
        <translation>По расписанию</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="88"/>
        <source>synced</source>
        <translation>синхронизирован</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="88"/>
        <source>changed</source>
        <translation>изменён</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="88"/>
        <source>conflict</source>
        <translation>конфликт</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="89"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="89"/>
        <source>withdrawn</source>
        <translation>изъят</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="126"/>
        <source>Edit number %1</source>
        <translation>Настроить номер %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/numbers_model.py" line="105"/>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="32"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="39"/>
        <source>Server address</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="40"/>
        <source>Demo: the built-in reference server with a demo company. To connect to a real server run: pbxdesk login URL</source>
        <translation>Демо: встроенный эталонный сервер с демонстрационной компанией. Чтобы подключиться к настоящему серверу, выполните: pbxdesk login URL</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="42"/>
        <source>To connect to another server run: pbxdesk login URL</source>
        <translation>Чтобы подключиться к другому серверу, выполните: pbxdesk login URL</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="44"/>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="47"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="48"/>
        <source>System default</source>
        <translation>Системное по умолчанию</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="52"/>
        <source>Audio output:</source>
        <translation>Аудиовыход:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="54"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="55"/>
        <source>Grid drag step:</source>
        <translation>Шаг сетки при перетаскивании:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="56"/>
        <source>Sync automatically when online</source>
        <translation>Синхронизировать автоматически при наличии связи</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="62"/>
        <source>every %1 s</source>
        <translation>каждые %1 с</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/settings_dialog.py" line="63"/>
        <source>Auto-sync:</source>
        <translation>Автосинхронизация:</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="51"/>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="52"/>
        <source>Cancel sync</source>
        <translation>Отменить синхронизацию</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="53"/>
        <source>Sync progress</source>
        <translation>Ход синхронизации</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="54"/>
        <source>online</source>
        <translation>в сети</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="55"/>
        <source>offline</source>
        <translation>нет связи</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="56"/>
        <source>connecting…</source>
        <translation>подключение…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="82"/>
        <source>Opening the profile…</source>
        <translation>Открывается профиль…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="101"/>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="107"/>
        <source>Syncing: %1</source>
        <translation>Синхронизация: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="118"/>
        <source>Sync failed: %1</source>
        <translation>Синхронизация не удалась: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="121"/>
        <source>Offline: changes are kept and sent when the server is back.</source>
        <translation>Нет связи: изменения сохранены и будут отправлены, когда сервер станет доступен.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="127"/>
        <source>Synced</source>
        <translation>Синхронизировано</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="127"/>
        <source>Sync cancelled</source>
        <translation>Синхронизация отменена</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="129"/>
        <source>sent: %1</source>
        <translation>отправлено: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="131"/>
        <source>received: %1</source>
        <translation>получено: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="133"/>
        <source>conflicts: %1</source>
        <translation>конфликтов: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="135"/>
        <source>errors: %1</source>
        <translation>ошибок: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="138"/>
        <source>withdrawn from the company: %1</source>
        <translation>изъято у компании: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/status_bar.py" line="140"/>
        <source>unsent edits kept (export them): %1</source>
        <translation>сохранено неотправленных правок (экспортируйте их): %1</translation>
    </message>
</context>
<context>
    <name>TestCallDock</name>
    <message>
        <location filename="../../pbxdesk/app/test_call_dock.py" line="48"/>
        <source>Test call</source>
        <translation>Тестовый звонок</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/test_call_dock.py" line="50"/>
        <source>Float the panel as a window, or dock it again</source>
        <translation>Открепить панель в отдельное окно или вернуть её на место</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/test_call_dock.py" line="51"/>
        <source>Hide the test call (F8 shows it)</source>
        <translation>Скрыть тестовый звонок (F8 — показать)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/test_call_dock.py" line="56"/>
        <source>Open a number to make a test call: pick a day and time, the keys the caller presses and who answers, and watch the call go through the schedule and the scenario.</source>
        <translation>Откройте номер, чтобы сделать тестовый звонок: выберите день и время, кнопки, которые нажимает звонящий, и кто отвечает, — и посмотрите, как звонок пройдёт по расписанию и сценарию.</translation>
    </message>
</context>
<context>
    <name>WithdrawnBanner</name>
    <message>
        <location filename="../../pbxdesk/app/withdrawn_editor.py" line="51"/>
        <source>This number was withdrawn from the company (removed, or moved to another company). It is read-only here; its history is kept.</source>
        <translation>Этот номер изъят у компании (удалён или передан другой компании). Здесь он доступен только для чтения; его история сохранена.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/withdrawn_editor.py" line="54"/>
        <source>Your edit that was never sent is kept: export it as a routing file so that nothing is lost.</source>
        <translation>Ваша правка, которая не была отправлена, сохранена: экспортируйте её в файл маршрутизации, чтобы ничего не потерять.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/withdrawn_editor.py" line="57"/>
        <source>Export routing…</source>
        <translation>Экспортировать маршрутизацию…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/withdrawn_editor.py" line="58"/>
        <source>Save these settings as a routing file (JSON)</source>
        <translation>Сохранить эти настройки в файл маршрутизации (JSON)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/withdrawn_editor.py" line="69"/>
        <source>Export routing</source>
        <translation>Экспорт маршрутизации</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/withdrawn_editor.py" line="70"/>
        <source>Routing file (*.json)</source>
        <translation>Файл маршрутизации (*.json)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/withdrawn_editor.py" line="92"/>
        <source>Not exported: %1</source>
        <translation>Не экспортировано: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/app/withdrawn_editor.py" line="94"/>
        <source>Exported to %1</source>
        <translation>Экспортировано в %1</translation>
    </message>
</context>
</TS>
