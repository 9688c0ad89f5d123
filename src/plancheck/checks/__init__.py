"""plancheck's own check functions, one module per rule family.

Importing this package registers them; rule files refer to them by name.
"""
