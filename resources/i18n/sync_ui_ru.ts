<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BannerArea</name>
    <message>
        <location filename="../../pbxdesk/sync_ui/banners.py" line="79"/>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/banners.py" line="80"/>
        <source>Retry the sync</source>
        <translation>Повторить синхронизацию</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/banners.py" line="81"/>
        <source>Log in again…</source>
        <translation>Войти заново…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/banners.py" line="82"/>
        <source>Log in to the server again</source>
        <translation>Войти на сервер заново</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/banners.py" line="83"/>
        <source>Show…</source>
        <translation>Показать…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/banners.py" line="84"/>
        <source>Show the numbers the server refused</source>
        <translation>Показать номера, которые сервер не принял</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/banners.py" line="85"/>
        <source>Resolve…</source>
        <translation>Разрешить…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/banners.py" line="86"/>
        <source>Resolve conflicts</source>
        <translation>Разрешить конфликты</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/banners.py" line="110"/>
        <source>%1 Edits not saved yet stay open in their editors.</source>
        <translation>%1 Ещё не сохранённые правки остаются открытыми в редакторах.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/banners.py" line="118"/>
        <source>The server cannot be reached. Your changes are kept on this computer and will be sent when the connection is back.</source>
        <translation>Сервер недоступен. Ваши изменения сохранены на этом компьютере и будут отправлены, когда связь восстановится.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/banners.py" line="126"/>
        <source>The server did not accept your access token. Log in again to keep syncing; your changes are kept on this computer.</source>
        <translation>Сервер не принял ваш ключ доступа. Войдите заново, чтобы продолжить синхронизацию; ваши изменения сохранены на этом компьютере.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pbxdesk/sync_ui/banners.py" line="132"/>
        <source>The server refused the changes of %n number(s): they are set aside until you fix them, and every other change was sent. Open the number to see the marked branches.</source>
        <translation>
            <numerusform>Сервер отклонил изменения %n номера: они отложены до исправления, все остальные изменения отправлены. Откройте номер, чтобы увидеть отмеченные ветки.</numerusform>
            <numerusform>Сервер отклонил изменения %n номеров: они отложены до исправления, все остальные изменения отправлены. Откройте номер, чтобы увидеть отмеченные ветки.</numerusform>
            <numerusform>Сервер отклонил изменения %n номеров: они отложены до исправления, все остальные изменения отправлены. Откройте номер, чтобы увидеть отмеченные ветки.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pbxdesk/sync_ui/banners.py" line="138"/>
        <source>%n number(s) were changed both here and on the server. Choose which settings to keep.</source>
        <translation>
            <numerusform>%n номер изменён и здесь, и на сервере. Выберите, какие настройки оставить.</numerusform>
            <numerusform>%n номера изменены и здесь, и на сервере. Выберите, какие настройки оставить.</numerusform>
            <numerusform>%n номеров изменены и здесь, и на сервере. Выберите, какие настройки оставить.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="59"/>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="65"/>
        <source>Numbers in conflict</source>
        <translation>Номера с конфликтами</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="76"/>
        <source>Keep all mine</source>
        <translation>Оставить всё моё</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="77"/>
        <source>Take all from the server</source>
        <translation>Взять всё с сервера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="79"/>
        <source>Edit in the editor…</source>
        <translation>Исправить в редакторе…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="80"/>
        <source>Open the number with the choices made so far (undecided parts as on this computer); saving it there resolves the conflict</source>
        <translation>Открыть номер с уже сделанным выбором (нерешённые части — как на этом компьютере); сохранение в редакторе разрешит конфликт</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="82"/>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="83"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="167"/>
        <source>Keep mine (this computer)</source>
        <translation>Оставить моё (этот компьютер)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="168"/>
        <source>Take theirs (the server, revision %1)</source>
        <translation>Взять с сервера (ревизия %1)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="208"/>
        <source>No conflicts: every number agrees with the server.</source>
        <translation>Нет конфликтов: все номера совпадают с сервером.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="210"/>
        <source>%n number(s) were changed both on this computer and on the server.</source>
        <translation>
            <numerusform>%n номер изменён и на этом компьютере, и на сервере.</numerusform>
            <numerusform>%n номера изменены и на этом компьютере, и на сервере.</numerusform>
            <numerusform>%n номеров изменены и на этом компьютере, и на сервере.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="215"/>
        <source>%1: %2 of %3 conflicting part(s) decided; everything else was merged automatically.</source>
        <translation>%1: решено %2 из %3 спорных частей; всё остальное объединено автоматически.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/conflicts_dialog.py" line="240"/>
        <source>Choose mine or theirs for every part first (%1 left), or edit the number in the editor.</source>
        <translation>Сначала выберите «моё» или «с сервера» для каждой части (осталось: %1) или исправьте номер в редакторе.</translation>
    </message>
</context>
<context>
    <name>DeployMarks</name>
    <message>
        <location filename="../../pbxdesk/sync_ui/deploy_marks.py" line="26"/>
        <source>Saved, not live on any of the %1 Asterisk nodes yet</source>
        <translation>Сохранено, но ещё не работает ни на одном узле Asterisk (всего узлов: %1)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/deploy_marks.py" line="28"/>
        <source>Saved, live on %1 of %2 Asterisk nodes</source>
        <translation>Сохранено, работает на узлах Asterisk: %1 из %2</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/deploy_marks.py" line="34"/>
        <source>node %1: %2</source>
        <translation>узел %1: %2</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/deploy_marks.py" line="35"/>
        <source>node %1: not deployed yet</source>
        <translation>узел %1: ещё не развёрнуто</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/deploy_marks.py" line="72"/>
        <source>revision %1</source>
        <translation>ревизия %1</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="68"/>
        <source>History of %1</source>
        <translation>История номера %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="69"/>
        <source>Loading the history from the server…</source>
        <translation>Загрузка истории с сервера…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="73"/>
        <source>Revisions on the server</source>
        <translation>Версии на сервере</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="74"/>
        <source>Revision</source>
        <translation>Ревизия</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="74"/>
        <source>Saved</source>
        <translation>Сохранена</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="74"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="83"/>
        <source>The selected version in words</source>
        <translation>Выбранная версия словами</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="86"/>
        <source>The selected version compared with the current one</source>
        <translation>Выбранная версия в сравнении с текущей</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="89"/>
        <source>This version</source>
        <translation>Эта версия</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="90"/>
        <source>Compared with the current</source>
        <translation>Сравнение с текущей</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="95"/>
        <source>Restore this version</source>
        <translation>Восстановить эту версию</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="97"/>
        <source>Save this version as a new change; it is sent at the next sync</source>
        <translation>Сохранить эту версию как новое изменение; оно будет отправлено при следующей синхронизации</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="100"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="128"/>
        <source>The history cannot be loaded: %1</source>
        <translation>Не удалось загрузить историю: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="137"/>
        <source>%n version(s) on the server, newest first.</source>
        <translation>
            <numerusform>%n версия на сервере, новые сверху.</numerusform>
            <numerusform>%n версии на сервере, новые сверху.</numerusform>
            <numerusform>%n версий на сервере, новые сверху.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="154"/>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="160"/>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="171"/>
        <source>Revision %1</source>
        <translation>Ревизия %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="154"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="175"/>
        <source>Current</source>
        <translation>Текущая</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="176"/>
        <source>This version is the same as the current one.</source>
        <translation>Эта версия совпадает с текущей.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="195"/>
        <source>Not restored: %1</source>
        <translation>Не восстановлено: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/history_dialog.py" line="197"/>
        <source>Version %1 restored as a new change; it is sent at the next sync.</source>
        <translation>Версия %1 восстановлена как новое изменение; она будет отправлена при следующей синхронизации.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="32"/>
        <source>Log in to the server</source>
        <translation>Вход на сервер</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="33"/>
        <source>(no server configured)</source>
        <translation>(сервер не настроен)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="38"/>
        <source>Access token</source>
        <translation>Ключ доступа</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="39"/>
        <source>Paste the API token your provider gave you</source>
        <translation>Вставьте ключ API, выданный провайдером</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="44"/>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="45"/>
        <source>Access token:</source>
        <translation>Ключ доступа:</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="49"/>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="56"/>
        <source>Use the demo server&apos;s token</source>
        <translation>Взять ключ демо-сервера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="70"/>
        <source>The demo server is not running.</source>
        <translation>Демо-сервер не запущен.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="75"/>
        <source>No server is configured for this profile.</source>
        <translation>Для этого профиля не настроен сервер.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="78"/>
        <source>Enter the access token.</source>
        <translation>Введите ключ доступа.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="81"/>
        <source>Checking the token…</source>
        <translation>Проверка ключа…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="95"/>
        <source>The server did not accept this token. Check it and try again.</source>
        <translation>Сервер не принял этот ключ. Проверьте его и попробуйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/login_dialog.py" line="99"/>
        <source>The server cannot be reached: %1</source>
        <translation>Сервер недоступен: %1</translation>
    </message>
</context>
<context>
    <name>PendingChangesDialog</name>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="57"/>
        <source>Pending changes</source>
        <translation>Неотправленные изменения</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="62"/>
        <source>Numbers with changes not on the server yet</source>
        <translation>Номера с изменениями, которых ещё нет на сервере</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="66"/>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="71"/>
        <source>Revert this number…</source>
        <translation>Вернуть этот номер…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="73"/>
        <source>Drop the local change and go back to the version on the server</source>
        <translation>Отменить локальное изменение и вернуться к версии на сервере</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="75"/>
        <source>Open in the editor</source>
        <translation>Открыть в редакторе</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="78"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="89"/>
        <source>Revert the number</source>
        <translation>Вернуть номер</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="106"/>
        <source>waiting to be sent</source>
        <translation>ждёт отправки</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="137"/>
        <source>This change is set aside: it was refused, and it is not sent again until you fix the number and save it. Every other change was sent.</source>
        <translation>Это изменение отложено: его отклонили, и оно не будет отправляться, пока вы не исправите номер и не сохраните его. Все остальные изменения отправлены.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="107"/>
        <source>conflict</source>
        <translation>конфликт</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="107"/>
        <source>set aside: refused, not sent until fixed</source>
        <translation>отложено: отклонено, не отправляется до исправления</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="116"/>
        <source>%n number(s) with changes not on the server yet.</source>
        <translation>
            <numerusform>%n номер с изменениями, которых ещё нет на сервере.</numerusform>
            <numerusform>%n номера с изменениями, которых ещё нет на сервере.</numerusform>
            <numerusform>%n номеров с изменениями, которых ещё нет на сервере.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="117"/>
        <source>Everything is in sync.</source>
        <translation>Всё синхронизировано.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="141"/>
        <source>The number was also changed on the server: resolve the conflict (Sync › Conflicts…).</source>
        <translation>Номер изменён и на сервере: разрешите конфликт (Синхронизация › Конфликты…).</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="145"/>
        <source>On the server</source>
        <translation>На сервере</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="145"/>
        <source>On this computer</source>
        <translation>На этом компьютере</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="146"/>
        <source>No difference from the server&apos;s version.</source>
        <translation>Нет отличий от версии на сервере.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="153"/>
        <source>Drop the local changes of %1 and go back to the version on the server? This cannot be undone.</source>
        <translation>Отменить локальные изменения номера %1 и вернуться к версии на сервере? Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/pending_dialog.py" line="165"/>
        <source>Not reverted: %1</source>
        <translation>Не удалось вернуть: %1</translation>
    </message>
</context>
<context>
    <name>ServerProblemsView</name>
    <message>
        <location filename="../../pbxdesk/sync_ui/server_problems.py" line="87"/>
        <source>The server refused the last saved version of this number:</source>
        <translation>Сервер не принял последнюю сохранённую версию этого номера:</translation>
    </message>
</context>
<context>
    <name>SyncMarkDelegate</name>
    <message>
        <location filename="../../pbxdesk/sync_ui/list_marks.py" line="73"/>
        <source>The routing has %1 problem(s) checked against the current company directory (for example, someone it forwards calls to has left). Open the number to see where.</source>
        <translation>В маршрутизации номера проблем при проверке по текущему справочнику компании: %1 (например, уволился тот, кому переводятся звонки). Откройте номер, чтобы увидеть где.</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../pbxdesk/sync_ui/controller.py" line="108"/>
        <source>Pending changes…</source>
        <translation>Неотправленные изменения…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/controller.py" line="109"/>
        <source>Conflicts…</source>
        <translation>Конфликты…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/controller.py" line="110"/>
        <source>History…</source>
        <translation>История…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/controller.py" line="111"/>
        <source>Versions of the number on the server</source>
        <translation>Версии номера на сервере</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/controller.py" line="112"/>
        <source>Log in again…</source>
        <translation>Войти заново…</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/controller.py" line="163"/>
        <source>The server did not accept the access token: log in again.</source>
        <translation>Сервер не принял ключ доступа: войдите заново.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/controller.py" line="239"/>
        <source>Merge with the server&apos;s version</source>
        <translation>Объединение с версией на сервере</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/controller.py" line="240"/>
        <source>Resolving a conflict: check the settings and save; saving resolves the conflict with this version.</source>
        <translation>Разрешение конфликта: проверьте настройки и сохраните; сохранение разрешит конфликт этой версией.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/controller.py" line="269"/>
        <source>Conflict resolved. The number is sent at the next sync.</source>
        <translation>Конфликт разрешён. Номер будет отправлен при следующей синхронизации.</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/controller.py" line="272"/>
        <source>The conflict is not resolved: %1</source>
        <translation>Конфликт не разрешён: %1</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="37"/>
        <source>Around the clock</source>
        <translation>Круглосуточно</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="39"/>
        <source>By schedule</source>
        <translation>По расписанию</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="50"/>
        <source>Name of the number</source>
        <translation>Название номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="51"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="52"/>
        <source>Schedule mode</source>
        <translation>Расписание работы номера</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="53"/>
        <source>The whole number (the merged result does not pass validation)</source>
        <translation>Номер целиком (объединённый результат не проходит проверку)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="59"/>
        <source>Hours on %1</source>
        <translation>Время работы: %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="61"/>
        <source>Special day %1</source>
        <translation>Особый день %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="63"/>
        <source>Interval “%1”</source>
        <translation>Интервал «%1»</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="65"/>
        <source>Scenario of “%1”</source>
        <translation>Сценарий «%1»</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="71"/>
        <source>key %1</source>
        <translation>кнопка %1</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="73"/>
        <source>no key pressed</source>
        <translation>ничего не выбрано</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="75"/>
        <source>then</source>
        <translation>затем</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="76"/>
        <source>if no answer</source>
        <translation>если не ответили</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="101"/>
        <source>(no scenario)</source>
        <translation>(нет сценария)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="108"/>
        <source>(empty branch)</source>
        <translation>(пустая ветка)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="118"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="134"/>
        <source>closed all day</source>
        <translation>весь день не работает</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="184"/>
        <source>Added: %1: %2</source>
        <translation>Добавлено: %1: %2</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="189"/>
        <source>Changed: %1: %2</source>
        <translation>Изменено: %1: %2</translation>
    </message>
    <message>
        <location filename="../../pbxdesk/sync_ui/words.py" line="193"/>
        <source>Removed: %1: %2</source>
        <translation>Удалено: %1: %2</translation>
    </message>
</context>
</TS>
