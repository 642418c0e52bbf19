from upstream.cli import main

raise SystemExit(main())
