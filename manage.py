#!/usr/bin/env python
"""Same as the `wegweiser` console script, for people used to manage.py."""

from wegweiser.__main__ import main

if __name__ == "__main__":
    main()
