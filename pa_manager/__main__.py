from pa_manager.cli import main

raise SystemExit(main())
