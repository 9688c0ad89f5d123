"""The YAML reader that plans, configuration, rule files, waivers and baselines share.

Private to plancheck: files are read within a size limit and as UTF-8 only
(:mod:`.read`), parsed from ruamel's C events into plain data with a position for every
JSON pointer (:mod:`.parse`), and nothing in them is ever constructed or executed.
"""
