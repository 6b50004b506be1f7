"""Real data: the CDNOW purchase histories of Fader & Hardie, as the ``lifetimes`` 0.11.3 wheel ships them."""

from __future__ import annotations

import pandas as pd

from ._schema import Schema, column_table, read_schema

_SOURCE = (
    "Fader & Hardie's CDNOW data (brucehardie.com/datasets), as shipped in the `lifetimes` 0.11.3 "
    "wheel at `lifetimes/datasets/{file}`, copied byte for byte; sha256 as in the lifetimes "
    "wheel's RECORD. "
)
_LICENCE = (
    "Data by Peter S. Fader and Bruce G. S. Hardie; the files carry no licence text of their own. "
    "Copied unchanged from the `lifetimes` 0.11.3 wheel, whose MIT licence (© 2015 Cameron "
    "Davidson-Pilon) covers the package's code, not the data. Cite Fader & Hardie (see *CDNOW* "
    "above) whenever you use the data."
)

SCHEMAS: dict[str, Schema] = {
    "cdnow_master": Schema(
        file="cdnow_master.txt",
        spec=column_table(
            r"""
            customer_id | string | – | /\d{5}/ | customer id in the master file (field 1, `customer_id`) | 客户编号
            date | date:%Y%m%d | date | 1997-01-01..1998-06-30 | date of the purchase (field 2, `date`, YYYYMMDD) | 购买日期
            quantity | int | CDs | 1.. | number of CDs bought (field 3, `number_of_cds`) | 购买的CD数量
            amount | float | US dollars | 0.. | dollar value of the purchase (field 4, `dollar_value`) | 购买金额(美元)
            """
        ),
        rows=69659,
        kind="real",
        loader="load_cdnow()",
        sha256="eff6889ed364c5199d6eacbbeb7a6d559971df4406ac876f322c373f00a072ef",
        format="whitespace",
        header=("customer_id", "date", "number_of_cds", "dollar_value"),
        source=_SOURCE.format(file="CDNOW_master.txt")
        + (
            "The cohort of 23,570 customers who made their first purchase at CDNOW in the first "
            "quarter of 1997, with all their purchases to 30 June 1998."
        ),
        licence=_LICENCE,
        description="CDNOW (Fader & Hardie): all 69,659 purchases of the 23,570 customers who first bought in Q1 1997, to 1998-06-30",
        description_zh="CDNOW网上唱片店1997年第一季度首次购买的23,570名客户至1998年6月30日的全部69,659笔购买记录(真实数据)",
    ),
    "cdnow_sample": Schema(
        file="cdnow_sample.txt",
        spec=column_table(
            r"""
            customer_id | string | – | /\d{5}/ | customer id in the master file (field 1) | 客户在总表中的编号
            sample_id | string | – | /\d{4}/ | customer id 0001-2357 in the sample (field 2), as in the papers and lifetimes' CDNOW summaries | 客户在样本中的编号
            date | date:%Y%m%d | date | 1997-01-01..1998-06-30 | date of the purchase (field 3, YYYYMMDD) | 购买日期
            quantity | int | CDs | 1.. | number of CDs bought (field 4) | 购买的CD数量
            amount | float | US dollars | 0.. | dollar value of the purchase (field 5) | 购买金额(美元)
            """
        ),
        rows=6919,
        kind="real",
        loader="load_cdnow(sample=True)",
        sha256="6fae10155c0b0ba363c2c386e30f77990d22328220efd862a5edd1443420d94a",
        format="whitespace",
        header=None,
        source=_SOURCE.format(file="CDNOW_sample.txt")
        + (
            "The 1/10 systematic sample of the cohort (2,357 customers) used in Fader, Hardie & Lee "
            "(2005); the file has no header line and five fields."
        ),
        licence=_LICENCE,
        description="CDNOW 1/10 systematic sample (Fader & Hardie): 6,919 purchases of 2,357 customers",
        description_zh="CDNOW数据的1/10系统抽样:2,357名客户的6,919笔购买记录(真实数据)",
    ),
}


def load_cdnow(sample: bool = False) -> pd.DataFrame:
    """The CDNOW purchase histories of Fader & Hardie (real data).

    The cohort of 23,570 customers who made their first purchase at the online music store
    CDNOW in the first quarter of 1997, with all their purchases to 30 June 1998 (69,659 rows),
    or (``sample=True``) the 1/10 systematic sample of 2,357 customers (6,919 rows) used in
    Fader, Hardie & Lee (2005). The files are copied unchanged from the ``lifetimes`` 0.11.3
    package; see ``datasets/README.md`` for provenance and citation.

    Parameters
    ----------
    sample : bool, default False
        Load the 1/10 sample instead of the whole cohort.

    Returns
    -------
    DataFrame
        ``customer_id`` (string, the 5-digit id of the master file), ``date`` (datetime),
        ``quantity`` (int, CDs bought) and ``amount`` (float, US dollars); the sample also has
        ``sample_id`` (string, the 4-digit id 0001-2357 used in the papers) after
        ``customer_id``.

    Examples
    --------
    >>> cd = load_cdnow()
    >>> cd.shape, cd["customer_id"].nunique()
    ((69659, 4), 23570)
    >>> cd.head(2)
      customer_id       date  quantity  amount
    0       00001 1997-01-01         1   11.77
    1       00002 1997-01-12         1   12.00
    >>> load_cdnow(sample=True)["sample_id"].nunique()
    2357
    """
    if not isinstance(sample, bool):
        raise TypeError(f"sample must be True or False, got {sample!r}")
    return read_schema(SCHEMAS["cdnow_sample" if sample else "cdnow_master"])
