"""Tests of crmlab.rfm: hand-computed examples, every error path, no mutation, properties, and a
cross-check against lifetimes on the CDNOW master file."""

from __future__ import annotations

import importlib.resources

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmlab.glossary import chinese_name, labels
from crmlab.rfm import RFM_SEGMENTS, rfm_scores, rfm_segment_grid, rfm_table

lifetimes_utils = pytest.importorskip("lifetimes.utils")


def lifetimes_summary(tx: pd.DataFrame, amount: str | None = "amount", **kwargs) -> pd.DataFrame:
    return lifetimes_utils.summary_data_from_transaction_data(
        tx, "customer", "date", monetary_value_col=amount, freq="D", **kwargs
    )


@pytest.fixture
def tx() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer": ["a", "a", "b", "c", "c", "c"],
            "date": pd.to_datetime(
                ["2024-01-01", "2024-03-01", "2024-02-15", "2024-01-10", "2024-01-10", "2024-03-31"]
            ),
            "amount": [100.0, 50.0, 80.0, 20.0, 30.0, 40.0],
        }
    )


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    path = importlib.resources.files("lifetimes") / "datasets" / "CDNOW_master.txt"
    with importlib.resources.as_file(path) as file:
        frame = pd.read_csv(file, sep=r"\s+", dtype={"customer_id": str, "date": str})
    frame["date"] = pd.to_datetime(frame["date"], format="%Y%m%d")
    return frame.rename(columns={"customer_id": "customer", "dollar_value": "amount"})


# ---------------------------------------------------------------------------------------------
# textbook table


def test_textbook_hand_example(tx):
    out = rfm_table(tx, "customer", "date", "amount")
    expected = pd.DataFrame(
        {"recency": [30, 45, 0], "frequency": [2, 1, 3], "monetary": [150.0, 80.0, 90.0]},
        index=pd.Index(["a", "b", "c"], name="customer", dtype="str"),
    )
    pd.testing.assert_frame_equal(out, expected)


def test_textbook_later_observation_end_adds_days(tx):
    out = rfm_table(tx, "customer", "date", "amount", observation_end="2024-04-10 18:30")
    assert out["recency"].tolist() == [40, 55, 10]


def test_textbook_ignores_time_of_day_and_parses_strings(tx):
    timed = tx.assign(date=tx["date"] + pd.to_timedelta([23, 1, 5, 0, 12, 8], unit="h"))
    as_text = tx.assign(date=tx["date"].dt.strftime("%Y-%m-%d"))
    base = rfm_table(tx, "customer", "date", "amount")
    pd.testing.assert_frame_equal(rfm_table(timed, "customer", "date", "amount"), base)
    pd.testing.assert_frame_equal(rfm_table(as_text, "customer", "date", "amount"), base)


def test_date_format_and_time_zones(tx):
    compact = tx.assign(date=tx["date"].dt.strftime("%Y%m%d"))
    out = rfm_table(compact, "customer", "date", "amount", date_format="%Y%m%d")
    pd.testing.assert_frame_equal(out, rfm_table(tx, "customer", "date", "amount"))
    aware = tx.assign(date=tx["date"].dt.tz_localize("Asia/Shanghai"))
    pd.testing.assert_frame_equal(
        rfm_table(aware, "customer", "date", "amount"), rfm_table(tx, "customer", "date", "amount")
    )


def test_numeric_ids_sort_numerically_and_become_strings(tx):
    numeric = tx.assign(customer=tx["customer"].map({"a": 10, "b": 9, "c": 100}))
    out = rfm_table(numeric, "customer", "date", "amount")
    assert out.index.tolist() == ["9", "10", "100"]
    assert out.index.dtype == "str"
    assert out.loc["10", "frequency"] == 2


def test_ids_that_collide_as_strings_raise(tx):
    mixed = tx.assign(customer=pd.Series([1, "1", 2, 2, 2, 2], dtype=object))
    with pytest.raises(
        ValueError, match=r"column 'customer' has ids that differ only in type.*'1'"
    ):
        rfm_table(mixed, "customer", "date", "amount")


def test_without_amount(tx):
    out = rfm_table(tx, "customer", "date", None)
    assert out.columns.tolist() == ["recency", "frequency"]
    lt = rfm_table(tx, "customer", "date", None, definition="lifetimes")
    pd.testing.assert_frame_equal(lt, lifetimes_summary(tx, amount=None))


def test_zero_amounts_are_allowed(tx):
    out = rfm_table(tx.assign(amount=0.0), "customer", "date", "amount")
    assert out["monetary"].eq(0).all()


def test_integer_amounts(tx):
    cents = tx.assign(amount=(tx["amount"] * 100).astype("int64"))
    out = rfm_table(cents, "customer", "date", "amount", definition="lifetimes")
    pd.testing.assert_frame_equal(out, lifetimes_summary(cents))


# ---------------------------------------------------------------------------------------------
# lifetimes table


def test_lifetimes_hand_example(tx):
    out = rfm_table(tx, "customer", "date", "amount", definition="lifetimes")
    expected = pd.DataFrame(
        {
            "frequency": [1.0, 0.0, 1.0],
            "recency": [60.0, 0.0, 81.0],
            "T": [90.0, 45.0, 81.0],
            "monetary_value": [50.0, 0.0, 40.0],
        },
        index=pd.Index(["a", "b", "c"], name="customer", dtype="str"),
    )
    pd.testing.assert_frame_equal(out, expected)
    pd.testing.assert_frame_equal(out, lifetimes_summary(tx), check_exact=True)


def _edge_cases() -> dict[str, tuple[pd.DataFrame, dict]]:
    day = pd.Timestamp("2021-03-01")
    one = pd.DataFrame({"customer": ["x"], "date": [day], "amount": [9.99]})
    same_day = pd.DataFrame(
        {
            "customer": ["x"] * 6 + ["y"] * 4,
            "date": [day] * 4 + [day + pd.Timedelta(days=3)] * 2 + [day + pd.Timedelta(days=1)] * 4,
            "amount": [24.97, 13.49, 21.99, 19.77, 0.1, 0.2, 0.7, 0.1, 0.2, 0.3],
        }
    )
    timed = pd.DataFrame(
        {
            "customer": ["x", "x", "x", "x", "y", "y"],
            "date": pd.to_datetime(
                [
                    "2021-03-01 23:00",
                    "2021-03-01 01:00",
                    "2021-03-01 12:00",
                    "2021-03-05 00:30",
                    "2021-02-27 10:00",
                    "2021-03-05 22:00",
                ]
            ),
            "amount": [13.49, 24.97, 19.77, 5.0, 1.0, 2.0],
        }
    )
    shuffled = same_day.sample(frac=1.0, random_state=3)
    return {
        "single purchase": (one, {}),
        "same-day purchases": (same_day, {}),
        "times of day": (timed, {}),
        "unsorted rows": (shuffled, {}),
        "end before some purchases": (timed, {"observation_period_end": "2021-03-02"}),
        "end drops a customer": (timed, {"observation_period_end": "2021-02-28"}),
        "end after data, with a time": (same_day, {"observation_period_end": "2021-04-01 15:00"}),
        "string dates": (same_day.assign(date=same_day["date"].dt.strftime("%Y-%m-%d")), {}),
    }


@pytest.mark.parametrize("case", list(_edge_cases()))
def test_lifetimes_edge_cases_match_lifetimes(case):
    frame, kwargs = _edge_cases()[case]
    expected = lifetimes_summary(frame, **kwargs)
    out = rfm_table(
        frame,
        "customer",
        "date",
        "amount",
        observation_end=kwargs.get("observation_period_end"),
        definition="lifetimes",
    )
    pd.testing.assert_frame_equal(out, expected, check_exact=True)


def test_lifetimes_excludes_purchases_after_observation_end(tx):
    out = rfm_table(tx, "customer", "date", "amount", "2024-02-20", definition="lifetimes")
    assert out.loc["c"].tolist() == [0.0, 0.0, 41.0, 0.0]  # the 31 March purchase is left out
    with pytest.raises(ValueError, match="no purchases on or before observation_end 2023-01-01"):
        rfm_table(tx, "customer", "date", "amount", "2023-01-01", definition="lifetimes")


def test_cdnow_master_matches_lifetimes_exactly(cdnow):
    assert len(cdnow) == 69659
    out = rfm_table(cdnow, "customer", "date", "amount", definition="lifetimes")
    expected = lifetimes_summary(cdnow)
    assert len(out) == 23570
    pd.testing.assert_frame_equal(out, expected, check_exact=True)


def test_cdnow_calibration_period_matches_lifetimes_exactly(cdnow):
    end = "1997-09-30"
    out = rfm_table(cdnow, "customer", "date", "amount", end, definition="lifetimes")
    pd.testing.assert_frame_equal(
        out, lifetimes_summary(cdnow, observation_period_end=end), check_exact=True
    )


def test_cdnow_textbook_agrees_with_a_groupby(cdnow):
    out = rfm_table(cdnow, "customer", "date", "amount")
    grouped = cdnow.groupby("customer").agg(
        last=("date", "max"), frequency=("date", "size"), monetary=("amount", "sum")
    )
    assert out.index.equals(grouped.index)
    assert (out["recency"] == (cdnow["date"].max() - grouped["last"]).dt.days).all()
    assert (out["frequency"] == grouped["frequency"]).all()
    np.testing.assert_allclose(out["monetary"], grouped["monetary"], rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# errors


def test_not_a_frame_or_empty(tx):
    with pytest.raises(TypeError, match="transactions must be a pandas DataFrame, got list"):
        rfm_table([1, 2], "customer", "date", "amount")
    with pytest.raises(ValueError, match="transactions has no rows"):
        rfm_table(tx.iloc[:0], "customer", "date", "amount")


def test_missing_column(tx):
    with pytest.raises(ValueError, match="transactions has no column 'spend'"):
        rfm_table(tx, "customer", "date", "spend")


def test_bad_definition(tx):
    with pytest.raises(ValueError, match="definition must be one of"):
        rfm_table(tx, "customer", "date", "amount", definition="hughes")


def test_missing_customer_ids(tx):
    bad = tx.assign(customer=["a", None, "b", "c", np.nan, "c"])
    with pytest.raises(ValueError, match=r"column 'customer' has missing values in rows \[1, 4\]"):
        rfm_table(bad, "customer", "date", "amount")


def test_negative_nan_text_and_infinite_amounts(tx):
    with pytest.raises(ValueError, match=r"column 'amount' has negative values in rows \[2\]"):
        rfm_table(tx.assign(amount=[1.0, 2.0, -3.0, 4.0, 5.0, 6.0]), "customer", "date", "amount")
    with pytest.raises(ValueError, match=r"column 'amount' has missing values in rows \[0\]"):
        rfm_table(tx.assign(amount=[np.nan, 2, 3, 4, 5, 6]), "customer", "date", "amount")
    with pytest.raises(
        TypeError, match=r"column 'amount' must be numeric; rows \[3\] hold \['ten'\]"
    ):
        rfm_table(tx.assign(amount=["1", "2", "3", "ten", "5", "6"]), "customer", "date", "amount")
    with pytest.raises(ValueError, match=r"column 'amount' has infinite values in rows \[5\]"):
        rfm_table(tx.assign(amount=[1, 2, 3, 4, 5, np.inf]), "customer", "date", "amount")


def test_dates_that_do_not_parse_name_the_rows(tx):
    bad = tx.assign(
        date=["2024-01-01", "2024-02-30", "2024-02-15", "soon", "2024-01-10", "2024-03-31"]
    )
    with pytest.raises(
        ValueError, match=r"column 'date' has values that do not parse as dates in rows \[1, 3\]"
    ):
        rfm_table(bad, "customer", "date", "amount")


def test_missing_and_numeric_dates(tx):
    missing = tx.assign(date=tx["date"].where(tx.index != 2))
    with pytest.raises(ValueError, match=r"column 'date' has missing values in rows \[2\]"):
        rfm_table(missing, "customer", "date", "amount")
    with pytest.raises(TypeError, match="column 'date' must hold dates, got dtype int64"):
        rfm_table(tx.assign(date=20240101), "customer", "date", "amount")
    mixed = tx.assign(
        date=pd.Series(["2024-01-01", 20240102, "2024-01-03", "x", "y", "z"], dtype=object)
    )
    with pytest.raises(TypeError, match=r"column 'date' must hold dates; rows \[1\] hold numbers"):
        rfm_table(mixed, "customer", "date", "amount")


def test_textbook_purchases_after_observation_end_raise(tx):
    with pytest.raises(
        ValueError, match=r"purchases after observation_end 2024-02-20 in rows \[1, 5\]"
    ):
        rfm_table(tx, "customer", "date", "amount", observation_end="2024-02-20")


def test_bad_observation_end(tx):
    with pytest.raises(ValueError, match="observation_end 'someday' does not parse as a date"):
        rfm_table(tx, "customer", "date", "amount", observation_end="someday")
    with pytest.raises(TypeError, match="observation_end must be a date"):
        rfm_table(tx, "customer", "date", "amount", observation_end=20240401)
    with pytest.raises(ValueError, match="observation_end is missing"):
        rfm_table(tx, "customer", "date", "amount", observation_end=pd.NaT)


@pytest.mark.parametrize("definition", ["textbook", "lifetimes"])
def test_does_not_modify_the_input(tx, definition):
    as_text = tx.assign(date=tx["date"].dt.strftime("%Y-%m-%d"), amount=tx["amount"].astype(str))
    for frame in (tx, as_text):
        before = frame.copy(deep=True)
        out = rfm_table(frame, "customer", "date", "amount", definition=definition)
        pd.testing.assert_frame_equal(frame, before)
        out.iloc[0, 0] = -1
        pd.testing.assert_frame_equal(frame, before)


# ---------------------------------------------------------------------------------------------
# properties

purchases = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c", "d", "e", "f"]),
        st.integers(0, 40),  # day
        st.integers(0, 23),  # hour
        st.integers(0, 50_000),  # cents
    ),
    min_size=1,
    max_size=40,
)


def _frame(rows: list[tuple[str, int, int, int]]) -> pd.DataFrame:
    customer, day, hour, cents = zip(*rows, strict=True)
    stamps = pd.Timestamp("2023-12-01") + pd.to_timedelta(
        np.array(day) * 24 + np.array(hour), unit="h"
    )
    return pd.DataFrame(
        {"customer": list(customer), "date": stamps, "amount": np.array(cents) / 100}
    )


@given(purchases, st.integers(0, 30), st.randoms(use_true_random=False))
def test_lifetimes_properties_and_identity(rows, extra_days, random):
    frame = _frame(rows)
    end = frame["date"].max().normalize() + pd.Timedelta(days=extra_days)
    out = rfm_table(frame, "customer", "date", "amount", end, definition="lifetimes")
    assert (out["frequency"] >= 0).all()
    assert (out["recency"] >= 0).all()
    assert (out["recency"] <= out["T"]).all()
    assert (out.loc[out["frequency"] == 0, "monetary_value"] == 0).all()
    assert (out["monetary_value"] >= 0).all()
    pd.testing.assert_frame_equal(
        out, lifetimes_summary(frame, observation_period_end=end), check_exact=True
    )
    order = list(range(len(frame)))
    random.shuffle(order)
    shuffled = frame.iloc[order].reset_index(drop=True)
    reordered = rfm_table(shuffled, "customer", "date", "amount", end, definition="lifetimes")
    pd.testing.assert_frame_equal(reordered, out, check_exact=True)


@given(purchases, st.randoms(use_true_random=False))
def test_textbook_properties_and_row_order(rows, random):
    frame = _frame(rows)
    out = rfm_table(frame, "customer", "date", "amount")
    assert (out["frequency"] >= 1).all()
    assert out["frequency"].sum() == len(frame)
    assert (out["recency"] >= 0).all() and out["recency"].min() == 0
    assert (out["monetary"] >= 0).all()
    lt = rfm_table(frame, "customer", "date", "amount", definition="lifetimes")
    assert (lt["frequency"] <= out["frequency"] - 1).all()
    assert (lt["T"] >= out["recency"]).all()
    order = list(range(len(frame)))
    random.shuffle(order)
    reordered = rfm_table(frame.iloc[order], "customer", "date", "amount")
    pd.testing.assert_frame_equal(reordered, out, check_exact=False, rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# scores and segments


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "recency": [3, 40, 10, 200, 90],
            "frequency": [12, 2, 7, 1, 5],
            "monetary": [900.0, 60.0, 400.0, 25.0, 300.0],
        },
        index=pd.Index(["a", "b", "c", "d", "e"], name="customer"),
    )


def test_scores_hand_example(table):
    out = rfm_scores(table)
    assert out["R"].tolist() == [5, 3, 4, 1, 2]
    assert out["F"].tolist() == [5, 2, 4, 1, 3]
    assert out["M"].tolist() == [5, 2, 4, 1, 3]
    assert out["rfm_code"].tolist() == ["555", "322", "444", "111", "233"]
    assert out["segment"].tolist() == [
        "champions",
        "about to sleep",
        "loyal customers",
        "hibernating",
        "at risk",
    ]
    assert out["segment"].cat.categories.tolist() == list(RFM_SEGMENTS)
    assert out[["recency", "frequency", "monetary"]].equals(table)
    assert out["R"].dtype == "int64" and out["rfm_code"].dtype == "str"


def test_scores_from_rfm_table(tx):
    out = rfm_scores(rfm_table(tx, "customer", "date", "amount"), bins=3)
    assert out["R"].tolist() == [2, 1, 3]
    assert out["F"].tolist() == [2, 1, 3]
    assert out["M"].tolist() == [3, 1, 2]


def test_ties_split_by_customer_id_or_kept_together():
    table = pd.DataFrame(
        {"recency": [5] * 10, "frequency": [1] * 10, "monetary": [10.0] * 10},
        index=pd.Index(list("jihgfedcba"), name="customer"),
    )
    split = rfm_scores(table)
    assert split.sort_index()["F"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert split.sort_index()["R"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    together = rfm_scores(table, ties="together")
    assert set(together["R"]) == set(together["F"]) == set(together["M"]) == {1}


def test_ties_together_share_the_lowest_score():
    table = pd.DataFrame(
        {"recency": [1, 1, 2, 3], "frequency": [1, 1, 1, 4], "monetary": [1.0, 2.0, 3.0, 4.0]},
        index=["w", "x", "y", "z"],
    )
    out = rfm_scores(table, bins=4, ties="together")
    assert out["F"].tolist() == [1, 1, 1, 4]
    assert out["R"].tolist() == [3, 3, 2, 1]
    assert out["M"].tolist() == [1, 2, 3, 4]


def test_segment_grid_is_the_documented_table():
    grid = rfm_segment_grid()
    assert grid.shape == (5, 5)
    assert grid.loc[5, 4] == grid.loc[5, 5] == "champions"
    assert grid.loc[3, 3] == "need attention"
    assert grid.loc[4, 1] == "promising"
    assert grid.loc[1, 1] == grid.loc[2, 2] == "hibernating"
    assert set(grid.to_numpy().ravel()) == set(RFM_SEGMENTS)
    assert list(RFM_SEGMENTS) == labels("rfm_segment")
    assert all(chinese_name(s, "rfm_segment") for s in RFM_SEGMENTS)


@pytest.mark.parametrize(
    ("r", "f", "m", "segment"),
    [
        (5, 5, 4, "champions"),
        (5, 4, 3, "champions"),  # FM = (4 + 3) / 2 = 3.5 rounds half up to 4
        (4, 4, 5, "loyal customers"),
        (3, 3, 4, "loyal customers"),
        (3, 3, 2, "need attention"),  # FM 2.5 -> 3
        (1, 5, 5, "can't lose them"),
        (2, 4, 3, "at risk"),
        (5, 1, 1, "new customers"),
        (4, 1, 1, "promising"),
        (4, 2, 1, "potential loyalists"),
        (3, 1, 2, "about to sleep"),
        (1, 2, 1, "hibernating"),
    ],
)
def test_segment_from_scores(r, f, m, segment):
    x = pd.DataFrame({"recency": [6 - r], "frequency": [f], "monetary": [float(m)]}, index=["x"])
    out = rfm_scores(pd.concat([x, _filler(x)]))
    got = out.loc["x"]
    assert (got["R"], got["F"], got["M"]) == (r, f, m)
    assert got["segment"] == segment
    assert got["rfm_code"] == f"{r}{f}{m}"


def test_segment_with_three_bins_rescales_scores():
    table = pd.DataFrame(
        {"recency": [1, 2, 3], "frequency": [3, 2, 1], "monetary": [3.0, 2.0, 1.0]},
        index=["p", "q", "r"],
    )
    out = rfm_scores(table, bins=3)
    # scores 3, 2, 1 rescale to ceil(5 s / 3) = 5, 4, 2
    assert out["segment"].tolist() == ["champions", "loyal customers", "hibernating"]


def _filler(x: pd.DataFrame) -> pd.DataFrame:
    """Four customers that, with x, hold every value 1..5 once in each column."""
    r = 6 - int(x["recency"].iloc[0])
    f = int(x["frequency"].iloc[0])
    m = int(x["monetary"].iloc[0])
    rest = {c: [v for v in range(1, 6) if v != own] for c, own in (("R", r), ("F", f), ("M", m))}
    return pd.DataFrame(
        {
            "recency": [6 - v for v in rest["R"]],
            "frequency": rest["F"],
            "monetary": [float(v) for v in rest["M"]],
        },
        index=[f"y{i}" for i in range(4)],
    )


@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(1, 6), st.integers(0, 500)),
        min_size=1,
        max_size=50,
    ),
    st.integers(2, 9),
    st.sampled_from(["split", "together"]),
    st.randoms(use_true_random=False),
)
def test_score_properties(rows, bins, ties, random):
    recency, frequency, money = zip(*rows, strict=True)
    table = pd.DataFrame(
        {"recency": recency, "frequency": frequency, "monetary": np.array(money) / 10},
        index=[f"c{i:03d}" for i in range(len(rows))],
    )
    out = rfm_scores(table, bins=bins, ties=ties)
    for letter in "RFM":
        assert out[letter].between(1, bins).all()
    assert (
        out["rfm_code"] == out["R"].astype(str) + out["F"].astype(str) + out["M"].astype(str)
    ).all()
    assert out["segment"].notna().all()
    # better values never get lower scores
    ranked = out.rename_axis("id").sort_values(["frequency", "id"])
    assert ranked["F"].is_monotonic_increasing
    if ties == "split":
        counts = out["F"].value_counts()
        assert counts.max() - counts.min() <= 1 or len(out) < bins
    order = list(range(len(table)))
    random.shuffle(order)
    pd.testing.assert_frame_equal(
        rfm_scores(table.iloc[order], bins=bins, ties=ties).loc[out.index], out
    )


def test_score_errors(table, tx):
    lifetimes_table = rfm_table(tx, "customer", "date", "amount", definition="lifetimes")
    with pytest.raises(ValueError, match="table has no column 'monetary'"):
        rfm_scores(lifetimes_table)
    with pytest.raises(TypeError, match="table must be a pandas DataFrame"):
        rfm_scores(table.to_numpy())
    with pytest.raises(ValueError, match="table has no rows"):
        rfm_scores(table.iloc[:0])
    with pytest.raises(ValueError, match="bins must be at least 2"):
        rfm_scores(table, bins=1)
    with pytest.raises(ValueError, match="bins must be at most 9"):
        rfm_scores(table, bins=10)
    with pytest.raises(TypeError, match="bins must be an integer"):
        rfm_scores(table, bins=2.5)
    with pytest.raises(ValueError, match="ties must be"):
        rfm_scores(table, ties="random")
    with pytest.raises(ValueError, match=r"table index has duplicate keys: \['a'\]"):
        rfm_scores(pd.concat([table, table.iloc[:1]]))
    with pytest.raises(ValueError, match=r"column 'recency' has negative values in rows \['b'\]"):
        rfm_scores(table.assign(recency=[1, -1, 2, 3, 4]))
    with pytest.raises(ValueError, match=r"column 'monetary' has missing values in rows \['e'\]"):
        rfm_scores(table.assign(monetary=[1.0, 2.0, 3.0, 4.0, np.nan]))


def test_scores_do_not_modify_the_table(table):
    before = table.copy(deep=True)
    out = rfm_scores(table)
    out.loc["a", "recency"] = 999
    pd.testing.assert_frame_equal(table, before)


def test_scores_read_the_columns_they_are_given(table):
    renamed = table.rename(columns={"recency": "days", "frequency": "orders", "monetary": "spend"})
    scored = rfm_scores(renamed, recency="days", frequency="orders", monetary="spend")
    expected = rfm_scores(table)
    assert scored[["R", "F", "M", "rfm_code"]].equals(expected[["R", "F", "M", "rfm_code"]])
    assert list(scored["segment"]) == list(expected["segment"])
    # swapping two columns changes the scores: the arguments are really used
    # recency read from the spend column: fewer is better there, so the order is reversed
    swapped = rfm_scores(table, recency="monetary")
    assert swapped["R"].tolist() == [1, 4, 2, 5, 3] == [6 - m for m in expected["M"]]
    with pytest.raises(ValueError, match="'orders'"):
        rfm_scores(table, frequency="orders")
