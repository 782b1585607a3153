<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<!-- Words of Qt's own dialogs that the Russian translation shipped with Qt (qtbase_ru.qm, loaded by
     pbxdesk/desktop/i18n.py) lacks in this Qt version: its file dialog's "Look in:" and "Files of type:"
     gained keyboard accelerators and lost their translation. Not made by lupdate: kept by hand. -->
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Типы файлов:</translation>
    </message>
</context>
</TS>
