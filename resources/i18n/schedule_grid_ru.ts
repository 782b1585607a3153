<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ExceptionsDialog</name>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="53"/>
        <source>Schedule: exception dates</source>
        <translation>Расписание: даты-исключения</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="61"/>
        <source>Exception dates</source>
        <translation>Даты-исключения</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="66"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="67"/>
        <source>Add date</source>
        <translation>Добавить дату</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="69"/>
        <source>Delete date</source>
        <translation>Удалить дату</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="74"/>
        <source>Year of the holidays</source>
        <translation>Год праздников</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="75"/>
        <source>Import Russian public holidays</source>
        <translation>Загрузить праздники России</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="80"/>
        <source>Whole day off</source>
        <translation>Весь день выходной</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="84"/>
        <source>Add range</source>
        <translation>Добавить диапазон</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="86"/>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="117"/>
        <source>On these dates their own ranges replace the weekday&apos;s.</source>
        <translation>В эти даты вместо диапазонов дня недели действуют их собственные.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="139"/>
        <source>whole day off</source>
        <translation>весь день выходной</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="140"/>
        <source>%n range(s)</source>
        <translation>
            <numerusform>%n диапазон</numerusform>
            <numerusform>%n диапазона</numerusform>
            <numerusform>%n диапазонов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="144"/>
        <source>(works on a public day off: %1)</source>
        <translation>(работа в выходной по календарю: %1)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="167"/>
        <source>Date %1</source>
        <translation>Дата %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="167"/>
        <source>Pick a date</source>
        <translation>Выберите дату</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="188"/>
        <source>Add exception date %1</source>
        <translation>Добавить дату-исключение %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="195"/>
        <source>Delete exception date %1</source>
        <translation>Удалить дату-исключение %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="206"/>
        <source>Exception date</source>
        <translation>Дата-исключение</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="207"/>
        <source>Range %1: enter a start before the end as HH:MM (00:00–24:00).</source>
        <translation>Диапазон %1: укажите начало раньше конца в виде ЧЧ:ММ (00:00–24:00).</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="212"/>
        <source>Ranges of %1</source>
        <translation>Диапазоны %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="217"/>
        <source>Import Russian public holidays %1</source>
        <translation>Загрузить праздники России %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="218"/>
        <source>Public holidays</source>
        <translation>Праздники</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="219"/>
        <source>%n date(s) added as whole days off.</source>
        <translation>
            <numerusform>Добавлена %n дата — весь день выходной.</numerusform>
            <numerusform>Добавлено %n даты — весь день выходной.</numerusform>
            <numerusform>Добавлено %n дат — весь день выходной.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/exceptions_editor.py" line="220"/>
        <source>All public holidays of this year are already exception dates.</source>
        <translation>Все праздники этого года уже есть среди дат-исключений.</translation>
    </message>
</context>
<context>
    <name>IntervalsPanel</name>
    <message>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="102"/>
        <source>Time intervals (the selected one is the brush):</source>
        <translation>Интервалы времени (выбранным закрашивается сетка):</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="103"/>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="187"/>
        <source>Add an extra interval</source>
        <translation>Добавить дополнительный интервал</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="110"/>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="166"/>
        <source>Name of the interval</source>
        <translation>Название интервала</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="111"/>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="167"/>
        <source>Paint with this extra interval</source>
        <translation>Закрашивать этим дополнительным интервалом</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="175"/>
        <source>Delete the interval “%1”</source>
        <translation>Удалить интервал «%1»</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="177"/>
        <source>Paint “%1” on the grid</source>
        <translation>Закрашивать сетку интервалом «%1»</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="186"/>
        <source>At most 3 extra intervals: delete one to add another</source>
        <translation>Не больше 3 дополнительных интервалов: удалите один, чтобы добавить другой</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="212"/>
        <source>Interval name</source>
        <translation>Название интервала</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="221"/>
        <source>Delete the interval “%1”?</source>
        <translation>Удалить интервал «%1»?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="222"/>
        <source>%n weekly range(s) of it will be deleted.</source>
        <translation>
            <numerusform>Будет удалён %n его диапазон в неделе.</numerusform>
            <numerusform>Будут удалены %n его диапазона в неделе.</numerusform>
            <numerusform>Будут удалены %n его диапазонов в неделе.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="224"/>
        <source>%n range(s) on exception dates will be deleted.</source>
        <translation>
            <numerusform>Будет удалён %n диапазон в датах-исключениях.</numerusform>
            <numerusform>Будут удалены %n диапазона в датах-исключениях.</numerusform>
            <numerusform>Будут удалены %n диапазонов в датах-исключениях.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="228"/>
        <source>Its call scenario will be deleted: %1</source>
        <translation>Будет удалён его сценарий входящих звонков: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="230"/>
        <source>It has no call scenario.</source>
        <translation>Сценария у него нет.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/intervals_panel.py" line="231"/>
        <source>Delete interval</source>
        <translation>Удаление интервала</translation>
    </message>
</context>
<context>
    <name>ManualEditorDialog</name>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="38"/>
        <source>Schedule: manual entry</source>
        <translation>Расписание: ручной режим</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="47"/>
        <source>Weekday</source>
        <translation>День недели</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="52"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="55"/>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="58"/>
        <source>Delete all</source>
        <translation>Удалить все</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="60"/>
        <source>Delete all ranges of the day: the whole day becomes non-working</source>
        <translation>Удалить все диапазоны дня: весь день станет нерабочим</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="64"/>
        <source>Copy this day to:</source>
        <translation>Скопировать этот день в:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="70"/>
        <source>Copy</source>
        <translation>Скопировать</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="76"/>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="77"/>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="82"/>
        <source>Weekday:</source>
        <translation>День недели:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="92"/>
        <source>Ranges (an end before the start continues after midnight):</source>
        <translation>Диапазоны (конец раньше начала — диапазон продолжается после полуночи):</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="112"/>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="135"/>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="140"/>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="165"/>
        <source>Manual entry</source>
        <translation>Ручной режим</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="113"/>
        <source>Apply the changes of %1 first?</source>
        <translation>Сначала применить изменения дня «%1»?</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="136"/>
        <source>Range %1: enter the start and the end as HH:MM (00:00–24:00).</source>
        <translation>Диапазон %1: укажите начало и конец в виде ЧЧ:ММ (00:00–24:00).</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="141"/>
        <source>Range %1: the start and the end are the same.</source>
        <translation>Диапазон %1: начало и конец совпадают.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="164"/>
        <source>This replaces:</source>
        <translation>Это заменит:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="164"/>
        <source>Apply?</source>
        <translation>Применить?</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/manual_editor.py" line="191"/>
        <source>Manual schedule entry</source>
        <translation>Ручной ввод расписания</translation>
    </message>
</context>
<context>
    <name>ScheduleCommands</name>
    <message>
        <location filename="../../pbxdesk/schedule_grid/commands.py" line="32"/>
        <source>Schedule: around the clock</source>
        <translation>Расписание: круглосуточно</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/commands.py" line="32"/>
        <source>Schedule: by schedule</source>
        <translation>Расписание: по расписанию</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/commands.py" line="38"/>
        <source>Timezone %1</source>
        <translation>Часовой пояс %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/commands.py" line="54"/>
        <source>The interval name cannot be empty.</source>
        <translation>Название интервала не может быть пустым.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/commands.py" line="61"/>
        <source>An interval named “%1” already exists.</source>
        <translation>Интервал с названием «%1» уже есть.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/commands.py" line="71"/>
        <location filename="../../pbxdesk/schedule_grid/commands.py" line="74"/>
        <source>Extra interval %1</source>
        <translation>Дополнительный интервал %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/commands.py" line="79"/>
        <source>Add interval “%1”</source>
        <translation>Добавить интервал «%1»</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/commands.py" line="91"/>
        <source>Rename interval to “%1”</source>
        <translation>Переименовать интервал в «%1»</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/commands.py" line="115"/>
        <source>Delete interval “%1”</source>
        <translation>Удалить интервал «%1»</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <location filename="../../pbxdesk/schedule_grid/editor.py" line="112"/>
        <source>Around the clock</source>
        <translation>Круглосуточно</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/editor.py" line="113"/>
        <source>By schedule</source>
        <translation>По расписанию</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/editor.py" line="114"/>
        <source>Drag step</source>
        <translation>Шаг выделения</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/editor.py" line="116"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/editor.py" line="117"/>
        <source>Manual entry…</source>
        <translation>Ручной режим…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/editor.py" line="118"/>
        <source>Exceptions…</source>
        <translation>Исключения…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/editor.py" line="119"/>
        <source>Schedule of the number:</source>
        <translation>Расписание работы номера:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/editor.py" line="120"/>
        <source>Step:</source>
        <translation>Шаг:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/editor.py" line="121"/>
        <source>Timezone:</source>
        <translation>Часовой пояс:</translation>
    </message>
</context>
<context>
    <name>ScheduleGrid</name>
    <message>
        <location filename="../../pbxdesk/schedule_grid/grid.py" line="64"/>
        <source>Weekly schedule grid</source>
        <translation>Сетка расписания на неделю</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/grid.py" line="66"/>
        <source>Drag with the left mouse button to paint the selected interval, with the right button to erase. Arrows move the cursor, Shift+arrows extend the selection, Space or Enter paints it, Delete clears it.</source>
        <translation>Выделите мышью с левой кнопкой, чтобы закрасить выбранный интервал, с правой — чтобы стереть. Стрелки двигают курсор, Shift+стрелки расширяют выделение, Пробел или Enter закрашивают его, Delete очищает.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/grid.py" line="144"/>
        <source>Around the clock: the weekly ranges are kept but not used</source>
        <translation>Круглосуточно: диапазоны недели сохранены, но не используются</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/grid.py" line="267"/>
        <source>Erase %1 %2</source>
        <translation>Стереть %1 %2</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/grid.py" line="269"/>
        <source>Paint %1 %2 with %3</source>
        <translation>Закрасить %1 %2: %3</translation>
    </message>
</context>
<context>
    <name>ScheduleNames</name>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="14"/>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="16"/>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="18"/>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="20"/>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="22"/>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="24"/>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="26"/>
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="32"/>
        <source>yyyy-MM-dd</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="48"/>
        <source>Monday</source>
        <translation>Понедельник</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="50"/>
        <source>Tuesday</source>
        <translation>Вторник</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="52"/>
        <source>Wednesday</source>
        <translation>Среда</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="54"/>
        <source>Thursday</source>
        <translation>Четверг</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="56"/>
        <source>Friday</source>
        <translation>Пятница</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="58"/>
        <source>Saturday</source>
        <translation>Суббота</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="60"/>
        <source>Sunday</source>
        <translation>Воскресенье</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="70"/>
        <source>Working time</source>
        <translation>Рабочее время</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="72"/>
        <source>Non-working time</source>
        <translation>Нерабочее время</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/names.py" line="94"/>
        <source>en</source>
        <translation>ru</translation>
    </message>
</context>
<context>
    <name>TimeRow</name>
    <message>
        <location filename="../../pbxdesk/schedule_grid/time_rows.py" line="49"/>
        <source>Start (HH:MM)</source>
        <translation>Начало (ЧЧ:ММ)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/time_rows.py" line="49"/>
        <source>End (HH:MM)</source>
        <translation>Конец (ЧЧ:ММ)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/time_rows.py" line="51"/>
        <source>HH:MM</source>
        <translation>ЧЧ:ММ</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/time_rows.py" line="55"/>
        <source>Interval</source>
        <translation>Интервал времени</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/time_rows.py" line="62"/>
        <location filename="../../pbxdesk/schedule_grid/time_rows.py" line="63"/>
        <source>Remove this range</source>
        <translation>Удалить этот диапазон</translation>
    </message>
</context>
<context>
    <name>TimeRows</name>
    <message>
        <location filename="../../pbxdesk/schedule_grid/time_rows.py" line="89"/>
        <source>No ranges: the whole day is non-working.</source>
        <translation>Диапазонов нет: весь день нерабочий.</translation>
    </message>
</context>
<context>
    <name>TimezonePicker</name>
    <message>
        <location filename="../../pbxdesk/schedule_grid/timezone_picker.py" line="47"/>
        <source>Timezone of the number</source>
        <translation>Часовой пояс номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/timezone_picker.py" line="48"/>
        <source>The schedule times are wall-clock times of this timezone</source>
        <translation>Время в расписании — местное время этого часового пояса</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/timezone_picker.py" line="76"/>
        <source>Unknown timezone “%1”.</source>
        <translation>Неизвестный часовой пояс «%1».</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/schedule_grid/timezone_picker.py" line="77"/>
        <source>%1 %2 starts in an hour that does not exist on %3 (the clocks jump forward in %4).</source>
        <translation>%1 %2 начинается в час, которого нет %3 (в зоне %4 часы переводятся вперёд).</translation>
    </message>
</context>
</TS>
