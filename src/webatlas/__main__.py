import sys

from webatlas.cli import main

sys.exit(main())
