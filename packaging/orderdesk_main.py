"""The entry point PyInstaller freezes: OrderDesk's own `main`.

A file of its own because PyInstaller needs a script, not a console-script
entry point; it adds nothing to what `orderdesk` does from a checkout.
"""

from orderdesk.__main__ import main

if __name__ == "__main__":
    main()
