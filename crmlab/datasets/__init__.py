"""Loaders for the course's data files (``datasets/``) and seeded generators of synthetic data.

Every ``load_<name>()`` returns a typed DataFrame (ids as strings, money as float, dates parsed,
ordered categoricals for levels and stages) and checks the file against its declared schema
first, so a missing, truncated or corrupted file raises an error that names the file and what
is wrong instead of returning a half-loaded frame. Each data set is declared once, in its
:class:`Schema` (:data:`SCHEMAS`); the data dictionary's tables in ``datasets/README.md`` are
generated from the declarations (:func:`data_dictionary_markdown`), and the tests check that the
README, the declarations and the files agree.

Three kinds of data ship with the course:

* **quoted** tables: facts quoted in the lecture materials (named in ``docs/sources.md``), e.g.
  :func:`load_distributors`;
* **real** data: the CDNOW purchase histories of Fader & Hardie, :func:`load_cdnow`;
* **synthetic** data from the seeded generators ``make_<name>(n, seed)``: the same ``n`` and
  ``seed`` give the same bytes on any machine, and the committed files were written by
  :func:`write_synthetic` from the ``seed`` and ``n`` recorded in the data dictionary.

The package's modules: ``_schema`` (the schema engine: declarations, parsing, checks),
``_quoted``, ``_cdnow``, ``_retail``, ``_surveys`` and ``_b2b`` (each family's declarations,
loaders and generators), ``_synthetic`` (what the generators share), ``_catalogue``
(:data:`SCHEMAS`, :func:`read_table`, :func:`write_synthetic`) and ``_dictionary`` (the README's
tables).

Examples
--------
>>> df = load_distributors()
>>> df.shape
(20, 2)
>>> float(df["sales"].sum())
10580.0
>>> list_datasets().loc["cdnow_master", ["file", "kind"]].tolist()
['cdnow_master.txt', 'real']
"""

from __future__ import annotations

from ._b2b import load_b2b_customers, make_b2b_customers
from ._catalogue import SCHEMAS, list_datasets, read_table, write_synthetic
from ._cdnow import load_cdnow
from ._dictionary import data_dictionary_markdown, data_dictionary_readme
from ._quoted import (
    load_abc_food_company,
    load_crm_quality_products,
    load_distributors,
    load_exam_questions,
    load_quoted_figures,
    load_satisfaction_chain,
)
from ._retail import (
    RetailData,
    load_retail_customers,
    load_retail_stores,
    load_retail_transactions,
    make_retail_transactions,
)
from ._schema import Column, DatasetError, Schema, data_dir, data_path
from ._surveys import (
    load_csm_attributes,
    load_csm_survey,
    load_servqual_items,
    load_servqual_survey,
    load_trust_items,
    load_trust_survey,
    make_csm_survey,
    make_servqual_survey,
    make_trust_survey,
    trust_population_alpha,
)

__all__ = [
    "SCHEMAS",
    "Column",
    "DatasetError",
    "RetailData",
    "Schema",
    "data_dictionary_markdown",
    "data_dictionary_readme",
    "data_dir",
    "data_path",
    "list_datasets",
    "load_abc_food_company",
    "load_b2b_customers",
    "load_cdnow",
    "load_crm_quality_products",
    "load_csm_attributes",
    "load_csm_survey",
    "load_distributors",
    "load_exam_questions",
    "load_quoted_figures",
    "load_retail_customers",
    "load_retail_stores",
    "load_retail_transactions",
    "load_satisfaction_chain",
    "load_servqual_items",
    "load_servqual_survey",
    "load_trust_items",
    "load_trust_survey",
    "make_b2b_customers",
    "make_csm_survey",
    "make_retail_transactions",
    "make_servqual_survey",
    "make_trust_survey",
    "read_table",
    "trust_population_alpha",
    "write_synthetic",
]

# the public names belong to crmlab.datasets, where they are documented and imported from (as
# before the split into modules): tracebacks say crmlab.datasets.DatasetError
for _name in __all__:
    _value = globals()[_name]
    if isinstance(_value, type) or callable(_value):
        _value.__module__ = __name__
del _name, _value
