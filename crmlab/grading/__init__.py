"""The grading pipeline: from handed-in notebooks to grades, feedback and exports.

In the order an instructor meets them (``docs/instructor-grading.md``):

* :mod:`~crmlab.grading.collect`: ``crmlab collect``, a folder or an LMS zip into ``submitted/``;
* :mod:`~crmlab.grading.autograde`: ``crmlab autograde``, the orchestration of a run (who needs
  grading, the preflight, a pool of workers, merging the results), driving
  :mod:`~crmlab.grading.worker` (the worker process and its line protocol),
  :mod:`~crmlab.grading.gradebook` (the gradebook and the ``.crmlab-grading/`` state folder),
  :mod:`~crmlab.grading.preprocessors` (every nbgrader preprocessor: the key comparison that
  ``nbgrader_config.py`` registers, and the sandboxed execution) and
  :mod:`~crmlab.grading.sandbox` (the bubblewrap kernel; standard library only, it runs at every
  kernel start);
* :mod:`~crmlab.grading.keys` (the answer keys: build, write, load),
  :mod:`~crmlab.grading.contract` (what a test cell is, how it is judged: the grading contract of
  ``docs/grading-contract.md``) and :mod:`~crmlab.grading.compare` (a reported value against
  the key);
* :mod:`~crmlab.grading.feedback`, :mod:`~crmlab.grading.export` and
  :mod:`~crmlab.grading.audit`: ``crmlab feedback``, ``crmlab export`` and ``crmlab audit``.

This is the part of crmlab that imports nbgrader to grade and starts processes. Everything runs
in the grader's own process or its workers; the student's kernel only ever reports values.

Which way imports flow: :mod:`crmlab.grading` may import :mod:`crmlab.course.manifest` (the
read-only course facts) and :mod:`crmlab.checks` (the report format and the message
catalogues), and nothing else of crmlab; :mod:`crmlab.course` does not import it, except
:mod:`crmlab.course.release` using :mod:`crmlab.grading.keys` to build and write the key.
``tests/test_layout.py`` enforces this.

This package's ``__init__`` imports nothing: ``python -m crmlab.grading.sandbox`` must start
with the standard library only.
"""
