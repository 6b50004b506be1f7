"""Authoring and publishing the course: what an instructor writes and what students receive.

* :mod:`~crmlab.course.manifest`: ``course.toml`` read once (chapters, titles, notebooks,
  assignments, points), the read-only course facts every other part looks up;
* :mod:`~crmlab.course.release`: ``crmlab generate``, the release in ``exercises/`` (nbgrader's
  generate_assignment through :mod:`~crmlab.course.nbgrader_run`) and the answer key in ``keys/``;
* :mod:`~crmlab.course.coursedocs`, :mod:`~crmlab.course.site` (with ``site_assets/``),
  :mod:`~crmlab.course.workspace` and :mod:`~crmlab.course.kit`: the generated course pages, the
  offline website, a student's personal workspace and the student kit.

Grading what students hand in is :mod:`crmlab.grading`; the command line is :mod:`crmlab.cli`
(``crmlab --help``).

Which way imports flow: :mod:`crmlab.grading` may import :mod:`crmlab.course.manifest`, never
the other way round, with one exception: :mod:`crmlab.course.release` builds and writes the
answer key with :mod:`crmlab.grading.keys` (``build_key``, ``dumps_key``, ``key_path``). The
analytics modules (``crmlab.abc``, ``crmlab.rfm``, …) import neither package, and
:mod:`crmlab.checks` imports neither. ``tests/test_layout.py`` enforces this.

The ``grading`` and ``cli`` modules in this folder are only compatibility shims, for the names
that courses configured before the move (their ``nbgrader_config.py``) and ``crmlab`` scripts
installed before it still use; they warn once and forward to :mod:`crmlab.grading.preprocessors`
and :mod:`crmlab.cli`.
"""
