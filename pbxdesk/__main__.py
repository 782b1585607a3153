from pbxdesk.cli import main

raise SystemExit(main())
