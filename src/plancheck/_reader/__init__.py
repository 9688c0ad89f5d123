"""The YAML reader that plans, configuration, rule files, waivers and baselines share.

Private to plancheck: files are read within a size limit and as UTF-8 only
(:mod:`.read`), parsed from ruamel's C events into plain data (:mod:`.parse`) with
the position of every list item and mapping key stored compactly and located by JSON
pointer on demand (:mod:`.positions`), and nothing in them is ever constructed or
executed.
"""
