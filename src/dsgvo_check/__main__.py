from dsgvo_check.cli import main

raise SystemExit(main())
