"""A real Django REST Framework shop server for OrderDesk's tests and demo.

Importing this package must stay free of Django imports: the command line
configures Django before any model module is loaded.
"""
