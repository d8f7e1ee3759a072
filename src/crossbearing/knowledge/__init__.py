"""The curated knowledge the analysis reads: the data files the package ships
(:mod:`crossbearing.knowledge.files`, each with a version digested from its content) and the
:class:`~crossbearing.knowledge.bundle.Knowledge` the annotate stage reads them through.

The package itself imports nothing, so that a loader anywhere can ask :mod:`.files` for its data
without an import circle; import what you need from the submodules.
"""
