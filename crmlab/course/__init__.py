"""The instructor side of the course: manifest, release, answer keys, grading and feedback.

This is the only part of crmlab that imports nbgrader or starts processes. The command line is
:mod:`crmlab.course.cli` (``crmlab --help``).
"""
