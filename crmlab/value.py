"""Customer value and the economics of keeping customers (客户保持), chapters 1 and 8.

The lecture material asks what changes when a firm loses 50 old customers and wins 50 new ones,
and answers with the costs on both sides: what it costs to win a customer, what a lost customer
takes away with them over the years, and the claim that a little more loyalty lifts profit a lot.
This module turns each step into a function, so the numbers can be varied in class:

* :func:`clv`: customer lifetime value (客户终身价值), the present value of a customer's margins
  while they stay;
* :func:`acquisition_cost`, :func:`new_customer_profit`: the cost and the yearly profit of a new
  customer (Slides A);
* :func:`defection_loss`: what a year's lost customers cost in revenue, profit and lifetime
  profit (Slides A's loss case, whose blank inputs become explicit arguments);
* :func:`replacement_cost`: what a high churn rate costs a firm just to keep its size (the
  wireless carrier of the Article: $350 per new customer, 40% churn a year);
* :func:`retention_profit_effect`: how much customer value rises when retention rises, the
  model behind "5% more loyalty, 25%-85% more profit";
* :func:`share_of_wallet`: customer share (客户份额), the firm's share of a customer's category
  spending;
* :func:`value_matrix`: the customer value matrix (客户价值矩阵) of current and future value,
  lead (铅质) / iron (铁质) / gold (黄金) / platinum (白金) customers.

The money functions work element-wise on numbers, NumPy arrays and pandas Series alike
(broadcasting like NumPy): numbers in, a float out; arrays in, an array out; a Series in, a
Series with the same index out. Rates are fractions (10% is ``0.1``).

References
----------
Berger, P. D., & Nasr, N. I. (1998). Customer lifetime value: marketing models and applications.
*Journal of Interactive Marketing*, 12(1), 17-30.
Gupta, S., & Lehmann, D. R. (2003). Customers as assets. *Journal of Interactive Marketing*,
17(1), 9-24.
Reichheld, F. F., & Sasser, W. E. (1990). Zero defections: quality comes to services. *Harvard
Business Review*, 68(5), 105-111.
Rust, R. T., Lemon, K. N., & Zeithaml, V. A. (2004). Return on marketing: using customer equity
to focus marketing strategy. *Journal of Marketing*, 68(1), 109-127.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np
import pandas as pd

from crmlab._validate import (
    describe_rows,
    numeric_values,
    require_columns,
    require_frame,
    require_integer,
    require_number,
)
from crmlab.glossary import ordered_dtype

__all__ = [
    "acquisition_cost",
    "clv",
    "defection_loss",
    "new_customer_profit",
    "replacement_cost",
    "retention_profit_effect",
    "share_of_wallet",
    "value_matrix",
]

ArrayLike: TypeAlias = "float | Sequence[float] | np.ndarray | pd.Series"
"""A number, a sequence or array of numbers, or a numeric Series."""

# --------------------------------------------------------------------------------------------
# element-wise inputs: check each argument, then broadcast them together


@dataclass(frozen=True)
class _Bounds:
    low: float = -np.inf
    high: float = np.inf
    low_open: bool = False
    high_open: bool = False
    hint: str = ""

    def describe(self) -> str:
        if np.isfinite(self.low) and np.isfinite(self.high):
            left, right = ("(" if self.low_open else "["), (")" if self.high_open else "]")
            text = f"in {left}{self.low:g}, {self.high:g}{right}"
        elif np.isfinite(self.low):
            text = f"{'greater than' if self.low_open else 'at least'} {self.low:g}"
        else:
            text = f"{'less than' if self.high_open else 'at most'} {self.high:g}"
        return text + self.hint

    def outside(self, values: np.ndarray) -> np.ndarray:
        below = values <= self.low if self.low_open else values < self.low
        above = values >= self.high if self.high_open else values > self.high
        return below | above


_ANY = _Bounds()
_NON_NEGATIVE = _Bounds(low=0.0)
_POSITIVE = _Bounds(low=0.0, low_open=True)
_RATE = _Bounds(low=0.0, high=1.0, hint=" (a fraction: 40% is 0.4)")


def _where(mask: np.ndarray, index: pd.Index | None) -> str:
    """Name the elements where ``mask`` holds: row labels of a Series, else array positions."""
    if mask.ndim == 0:
        return ""
    if index is not None:
        return f" in rows {describe_rows(index[mask])}"
    positions = np.argwhere(mask)
    labels = [int(p[0]) if mask.ndim == 1 else tuple(int(i) for i in p) for p in positions]
    return f" at positions {describe_rows(labels)}"


def _shown(values: np.ndarray, mask: np.ndarray) -> str:
    if values.ndim == 0:
        return f"{float(values):g}"
    return describe_rows(f"{v:g}" for v in values[mask]).replace("'", "")


def _array(value: Any, name: str, bounds: _Bounds) -> tuple[np.ndarray, pd.Index | None]:
    """``value`` as a float array (0-d for a number) and its index if it is a Series; checked."""
    index = None
    if isinstance(value, pd.DataFrame):
        raise TypeError(f"{name} must be a number, an array or a Series, got a DataFrame")
    if isinstance(value, pd.Series):
        index = value.index
        array = numeric_values(value, name, allow_negative=True).to_numpy(dtype="float64")
    elif isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a number, got bool {value!r}")
    else:
        try:
            raw = np.asarray(value)
        except (TypeError, ValueError):
            raise TypeError(
                f"{name} must be a number or an array of numbers, got {value!r}"
            ) from None
        if raw.dtype.kind not in "iuf":
            what = f"{type(value).__name__} {value!r}" if raw.ndim == 0 else f"dtype {raw.dtype}"
            raise TypeError(f"{name} must be numeric, got {what}")
        array = raw.astype("float64")
        missing = np.isnan(array)
        if missing.any():
            raise ValueError(f"{name} has missing values{_where(missing, index)}")
        infinite = np.isinf(array)
        if infinite.any():
            raise ValueError(f"{name} has infinite values{_where(infinite, index)}")
    if array.ndim == 0 or array.size:
        bad = bounds.outside(array)
        if bad.any():
            raise ValueError(
                f"{name} must be {bounds.describe()}; got {_shown(array, bad)}{_where(bad, index)}"
            )
    return array, index


@dataclass(frozen=True)
class _Inputs:
    """Checked, broadcast arguments of an element-wise function."""

    values: dict[str, np.ndarray]
    index: pd.Index | None

    @property
    def scalar(self) -> bool:
        return next(iter(self.values.values())).ndim == 0

    def __getitem__(self, name: str) -> np.ndarray:
        return self.values[name]

    def check(self, bad: np.ndarray, message: str) -> None:
        """Raise ``ValueError(message + where)`` if ``bad`` holds anywhere."""
        bad = np.asarray(bad)
        if bad.any():
            raise ValueError(message + _where(bad, self.index))

    def wrap(self, result: np.ndarray, name: str) -> float | np.ndarray | pd.Series:
        if self.index is not None:
            return pd.Series(result, index=self.index, name=name)
        if result.ndim == 0:
            return float(result)
        return result

    def table(self, columns: dict[str, np.ndarray], name: str) -> pd.Series | pd.DataFrame:
        """A labelled Series for numbers in, a DataFrame with one row per element otherwise."""
        if self.scalar:
            return pd.Series({k: float(v) for k, v in columns.items()}, name=name, dtype="float64")
        shape = next(iter(self.values.values())).shape
        if len(shape) != 1:
            raise ValueError(f"{name} takes numbers or one-dimensional arrays, got shape {shape}")
        return pd.DataFrame(columns, index=self.index)


def _inputs(**arguments: tuple[Any, _Bounds]) -> _Inputs:
    checked = {name: _array(value, name, bounds) for name, (value, bounds) in arguments.items()}
    indexed = [(name, index) for name, (_, index) in checked.items() if index is not None]
    index = indexed[0][1] if indexed else None
    for name, other in indexed[1:]:
        if not other.equals(index):
            raise ValueError(
                f"{indexed[0][0]} and {name} are Series with different indexes; align them "
                f"first (for example with .reindex)"
            )
    try:
        arrays = np.broadcast_arrays(*(array for array, _ in checked.values()))
    except ValueError:
        shapes = ", ".join(f"{name} {array.shape}" for name, (array, _) in checked.items())
        raise ValueError(f"the arguments do not broadcast together: shapes {shapes}") from None
    if index is not None and arrays[0].shape != (len(index),):
        raise ValueError(
            f"a Series argument ({indexed[0][0]}, {len(index)} rows) cannot be combined with "
            f"an array of shape {arrays[0].shape}"
        )
    return _Inputs(dict(zip(checked, (np.array(a) for a in arrays), strict=True)), index)


def _geometric_sum(q: np.ndarray, periods: int | None) -> np.ndarray:
    """sum_{t=1..T} q**t for q >= 0 (T = infinity when ``periods`` is None, needs q < 1)."""
    q = np.asarray(q, dtype="float64")
    if periods is None:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(q < 1, q / (1 - q), np.inf)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_q = np.log(np.where(q > 0, q, 1.0))
        # q (q^T - 1) / (q - 1), written with expm1 so q close to 1 loses no precision
        general = q * np.expm1(periods * log_q) / np.expm1(log_q)
    return np.where(q == 0, 0.0, np.where(q == 1, float(periods), general))


def _annuity(years: np.ndarray, discount: np.ndarray) -> np.ndarray:
    """Present value of 1 a year at each year end for ``years`` (may be fractional)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = -np.expm1(-years * np.log1p(discount)) / discount
    return np.where(discount == 0, years, factor)


# --------------------------------------------------------------------------------------------
# customer lifetime value


def clv(
    margin: ArrayLike,
    retention: ArrayLike,
    discount: ArrayLike,
    periods: int | None = None,
) -> float | np.ndarray | pd.Series:
    r"""Customer lifetime value (客户终身价值): the present value of a customer's future margins.

    A customer brings a margin ``m`` in each period they are still a customer; they stay from one
    period to the next with probability ``r`` (the retention rate), and money in period ``t`` is
    worth :math:`1/(1+d)^t` today. Over ``T`` periods

    .. math:: \mathrm{CLV} = \sum_{t=1}^{T} \frac{m\, r^t}{(1+d)^t},

    and over an unlimited horizon (``periods=None``) the sum has the closed form
    :math:`m\, r / (1 + d - r)` (Gupta & Lehmann 2003). The margin of period ``t`` is counted at the
    end of the period and only if the customer has been retained ``t`` times, the convention of
    Gupta & Lehmann; margin, retention and discount are the same in every period. The finite sum
    grows with ``periods`` toward the closed form. This is the "narrow" lifetime value of the
    course (future profit only); the acquisition cost and past profit are not in it.

    Parameters
    ----------
    margin : number, array or Series
        Profit per period from a customer who is still a customer (revenue minus the cost of
        serving them). It may be negative: a customer who costs more to serve than they bring.
    retention : number, array or Series
        Probability of staying from one period to the next, in [0, 1].
    discount : number, array or Series
        Discount rate per period, at least 0. With ``periods=None`` the closed form needs
        ``1 + discount - retention > 0``, that is not ``retention == 1`` with ``discount == 0``.
    periods : int, optional
        Number of periods ``T`` (0 gives 0). ``None``, the default, sums over an unlimited horizon.

    Returns
    -------
    float, ndarray or Series
        A float for number arguments; otherwise the arguments broadcast together (a Series keeps
        its index; Series arguments must share one index).

    Raises
    ------
    TypeError
        A non-numeric argument, or ``periods`` not an integer.
    ValueError
        Missing or infinite values, retention outside [0, 1], a negative discount, negative
        ``periods``, ``retention == 1`` with ``discount == 0`` and no horizon, arguments that do
        not broadcast. The message names the argument and the offending elements.

    See Also
    --------
    retention_profit_effect : the relative change of lifetime value when retention rises.

    References
    ----------
    Berger, P. D., & Nasr, N. I. (1998). Customer lifetime value: marketing models and
    applications. *Journal of Interactive Marketing*, 12(1), 17-30.
    Gupta, S., & Lehmann, D. R. (2003). Customers as assets. *Journal of Interactive Marketing*,
    17(1), 9-24.

    Examples
    --------
    A margin of 100 a year, 80% retention, a 10% discount rate: 100 x 0.8 / 0.3.

    >>> round(clv(100, 0.8, 0.1), 2)
    266.67

    Over three years only: 100 (0.8/1.1 + 0.8^2/1.1^2 + 0.8^3/1.1^3).

    >>> round(clv(100, 0.8, 0.1, periods=3), 2)
    164.09

    Element-wise over retention rates, and over a Series of customers:

    >>> clv(100, [0.5, 0.8, 0.9], 0.1).round(1)
    array([ 83.3, 266.7, 450. ])
    >>> margins = pd.Series([120.0, 40.0], index=["c1", "c2"])
    >>> clv(margins, 0.75, 0.1).round(1)
    c1    257.1
    c2     85.7
    Name: clv, dtype: float64
    """
    args = _inputs(
        margin=(margin, _ANY),
        retention=(retention, _Bounds(0.0, 1.0, hint=" (a probability: 80% is 0.8)")),
        discount=(discount, _NON_NEGATIVE),
    )
    if periods is not None:
        periods = require_integer(periods, "periods", minimum=0)
    r, d = args["retention"], args["discount"]
    if periods is None:
        args.check(
            (r == 1) & (d == 0),
            "with periods=None, clv needs 1 + discount - retention > 0, but retention is 1 and "
            "discount is 0 (an unlimited sum); give a horizon or a discount rate",
        )
    result = args["margin"] * _geometric_sum(r / (1 + d), periods)
    return args.wrap(result, "clv")


# --------------------------------------------------------------------------------------------
# new customers


def acquisition_cost(
    promotion_spend: ArrayLike, customers_won: ArrayLike
) -> float | np.ndarray | pd.Series:
    """Cost of winning one new customer (吸引新客户的成本) = promotion spend / customers won.

    Slides A divides the average sales-promotion spend by the number of customers the promotion
    wins. Spend and customers must cover the same campaign or period.

    Parameters
    ----------
    promotion_spend : number, array or Series
        Money spent on promotion (advertising, discounts, sales visits), at least 0.
    customers_won : number, array or Series
        New customers won by that spend, greater than 0 (it may be an average, so not only whole
        numbers).

    Returns
    -------
    float, ndarray or Series
        Cost per new customer, element-wise.

    Raises
    ------
    TypeError, ValueError
        Non-numeric, missing or negative values, or no customers won; the message names the
        argument and the offending elements.

    References
    ----------
    Kotler, P., & Keller, K. L. (2016). *Marketing Management* (15th ed.), ch. 5 (the cost of
    customer acquisition).

    Examples
    --------
    >>> acquisition_cost(20_000, 50)
    400.0
    >>> acquisition_cost([20_000, 30_000], [50, 40])
    array([400., 750.])
    """
    args = _inputs(
        promotion_spend=(promotion_spend, _NON_NEGATIVE),
        customers_won=(customers_won, _POSITIVE),
    )
    return args.wrap(args["promotion_spend"] / args["customers_won"], "acquisition_cost")


def new_customer_profit(
    yearly_revenue: ArrayLike, margin: ArrayLike
) -> float | np.ndarray | pd.Series:
    """Yearly profit from a new customer (新客户的利润) = average yearly revenue x margin.

    Parameters
    ----------
    yearly_revenue : number, array or Series
        Average revenue a year from one customer (顾客年平均收入), at least 0.
    margin : number, array or Series
        The firm's profit margin (边际利润) as a fraction in [0, 1] (10% is ``0.1``).

    Returns
    -------
    float, ndarray or Series
        Profit a year from one customer, element-wise. Compare it with :func:`acquisition_cost`:
        a new customer pays back their acquisition cost after cost / profit years.

    Raises
    ------
    TypeError, ValueError
        Non-numeric, missing or negative revenue, a margin outside [0, 1] (for example 10
        instead of 0.1); the message names the argument and the offending elements.

    Examples
    --------
    >>> new_customer_profit(2_000, 0.10)
    200.0
    >>> acquisition_cost(20_000, 50) / new_customer_profit(2_000, 0.10)  # years to pay back
    2.0
    """
    args = _inputs(yearly_revenue=(yearly_revenue, _NON_NEGATIVE), margin=(margin, _RATE))
    return args.wrap(args["yearly_revenue"] * args["margin"], "new_customer_profit")


# --------------------------------------------------------------------------------------------
# lost customers


def defection_loss(
    customers: ArrayLike,
    churn_rate: ArrayLike,
    loss_per_customer: ArrayLike,
    margin: ArrayLike | None = None,
    *,
    lifetime_years: ArrayLike | None = None,
    discount: ArrayLike = 0.0,
) -> pd.Series | pd.DataFrame:
    """What a year's lost customers (流失老客户) cost in revenue, profit and lifetime profit.

    Slides A's loss case reads: 50 customers, 5% lost, an average loss of 10 yuan per customer, a
    10% margin, followed by three blanks: the yearly revenue from each customer, the total
    revenue lost in a year and the lifetime value of the lost customers. The blanks are filled
    here with these stated assumptions, each an argument you can change:

    * ``loss_per_customer`` is the yearly revenue each lost customer used to bring (the slide's
      "average loss per customer" read as the blank "yearly revenue from each customer");
    * customers lost = ``customers x churn_rate``, an expected number, so it may be fractional;
    * revenue lost = customers lost x ``loss_per_customer`` (a year);
    * profit lost = revenue lost x ``margin`` (only when ``margin`` is given);
    * the lifetime loss assumes a lost customer would otherwise have kept buying the same amount
      for ``lifetime_years`` more years, paid at each year end and discounted at ``discount``
      (only when ``lifetime_years`` is given). Slides A gives no horizon; with a constant yearly
      churn rate ``c`` a customer stays ``1/c`` years on average (see :func:`replacement_cost`).

    Parameters
    ----------
    customers : number, array or Series
        Customers at the start of the year, at least 0.
    churn_rate : number, array or Series
        Share of them lost during the year, in [0, 1].
    loss_per_customer : number, array or Series
        Yearly revenue a lost customer used to bring, at least 0.
    margin : number, array or Series, optional
        Profit margin as a fraction in [0, 1]. Without it only revenue is reported.
    lifetime_years : number, array or Series, optional
        Years a lost customer would have stayed (may be fractional), at least 0.
    discount : number, array or Series, default 0
        Yearly discount rate for the lifetime loss, at least 0; 0 adds the years up undiscounted.
        Used only with ``lifetime_years``.

    Returns
    -------
    Series or DataFrame
        For number arguments a Series with the entries ``customers_lost``, ``revenue_lost`` and,
        as available, ``profit_lost``, ``lifetime_revenue_lost``, ``lifetime_profit_lost``; for
        array or Series arguments a DataFrame with one row per element and these columns.

    Raises
    ------
    TypeError, ValueError
        Non-numeric, missing or negative values, rates outside [0, 1], arguments that do not
        broadcast; the message names the argument and the offending elements.

    References
    ----------
    Kotler, P., & Keller, K. L. (2016). *Marketing Management* (15th ed.), ch. 5 (the cost of
    lost customers: lost accounts x revenue per account x margin).
    Reichheld, F. F., & Sasser, W. E. (1990). Zero defections: quality comes to services.
    *Harvard Business Review*, 68(5), 105-111.

    Examples
    --------
    The case of Slides A, 50 customers, 5% lost, 10 yuan a year each, a 10% margin, and the assumption
    that a lost customer would have stayed 20 more years (1 / 5% churn), undiscounted:

    >>> defection_loss(50, 0.05, 10, margin=0.10, lifetime_years=20)
    customers_lost            2.5
    revenue_lost             25.0
    profit_lost               2.5
    lifetime_revenue_lost   500.0
    lifetime_profit_lost     50.0
    Name: defection_loss, dtype: float64

    Several churn rates at once:

    >>> defection_loss(50, [0.05, 0.10], 10, margin=0.10)
       customers_lost  revenue_lost  profit_lost
    0             2.5          25.0          2.5
    1             5.0          50.0          5.0
    """
    arguments: dict[str, tuple[Any, _Bounds]] = {
        "customers": (customers, _NON_NEGATIVE),
        "churn_rate": (churn_rate, _RATE),
        "loss_per_customer": (loss_per_customer, _NON_NEGATIVE),
    }
    if margin is not None:
        arguments["margin"] = (margin, _RATE)
    if lifetime_years is not None:
        arguments["lifetime_years"] = (lifetime_years, _NON_NEGATIVE)
        arguments["discount"] = (discount, _NON_NEGATIVE)
    else:
        _array(discount, "discount", _NON_NEGATIVE)
    args = _inputs(**arguments)
    lost = args["customers"] * args["churn_rate"]
    revenue = lost * args["loss_per_customer"]
    columns = {"customers_lost": lost, "revenue_lost": revenue}
    if margin is not None:
        columns["profit_lost"] = revenue * args["margin"]
    if lifetime_years is not None:
        factor = _annuity(args["lifetime_years"], args["discount"])
        columns["lifetime_revenue_lost"] = revenue * factor
        if margin is not None:
            columns["lifetime_profit_lost"] = columns["profit_lost"] * factor
    return args.table(columns, "defection_loss")


def replacement_cost(
    acquisition_cost: ArrayLike,
    churn_rate: ArrayLike,
    customers: ArrayLike = 1,
) -> pd.Series | pd.DataFrame:
    """What churn costs a firm that wins new customers to replace the lost ones.

    The Article tells of a wireless carrier that paid $350 to win a customer and lost 40% of its
    customers a year. To keep its size the firm must win back every lost customer each year.
    Assuming a constant yearly churn rate ``c`` and an acquisition cost ``a`` per new customer:

    * customers to replace a year = ``customers x c``;
    * yearly spend just to stand still = ``a x customers x c``;
    * expected lifetime = ``1 / c`` years (a customer leaves at each year end with probability
      ``c``, so the number of years they stay is geometric with mean ``1/c``; infinite for
      ``c == 0``);
    * acquisition cost per customer-year = ``a / (1/c) = a x c``: the part of each year's margin
      that only pays back the cost of winning the customer.

    Parameters
    ----------
    acquisition_cost : number, array or Series
        Cost of winning one new customer, at least 0 (see :func:`acquisition_cost`).
    churn_rate : number, array or Series
        Share of customers lost a year, in [0, 1].
    customers : number, array or Series, default 1
        Size of the customer base, at least 0; the default gives the figures per customer.

    Returns
    -------
    Series or DataFrame
        Entries (columns for array arguments) ``customers_replaced``, ``yearly_replacement_spend``,
        ``expected_lifetime_years`` and ``cost_per_customer_year``.

    Raises
    ------
    TypeError, ValueError
        Non-numeric, missing or negative values, a churn rate outside [0, 1]; the message names
        the argument and the offending elements.

    References
    ----------
    Reichheld, F. F., & Sasser, W. E. (1990). Zero defections: quality comes to services.
    *Harvard Business Review*, 68(5), 105-111.
    Gupta, S., & Lehmann, D. R. (2003). Customers as assets. *Journal of Interactive Marketing*,
    17(1), 9-24 (expected lifetime under constant retention).

    Examples
    --------
    The carrier of the Article with a million customers:

    >>> replacement_cost(350, 0.40, customers=1_000_000)
    customers_replaced            400000.0
    yearly_replacement_spend    140000000.0
    expected_lifetime_years            2.5
    cost_per_customer_year           140.0
    Name: replacement_cost, dtype: float64

    Halving churn halves the yearly spend and doubles the lifetime:

    >>> replacement_cost(350, [0.40, 0.20])["expected_lifetime_years"].tolist()
    [2.5, 5.0]
    """
    args = _inputs(
        acquisition_cost=(acquisition_cost, _NON_NEGATIVE),
        churn_rate=(churn_rate, _RATE),
        customers=(customers, _NON_NEGATIVE),
    )
    c, a = args["churn_rate"], args["acquisition_cost"]
    with np.errstate(divide="ignore"):
        lifetime = np.where(c > 0, 1 / np.where(c > 0, c, 1.0), np.inf)
    columns = {
        "customers_replaced": args["customers"] * c,
        "yearly_replacement_spend": a * args["customers"] * c,
        "expected_lifetime_years": lifetime,
        "cost_per_customer_year": a * c,
    }
    return args.table(columns, "replacement_cost")


def retention_profit_effect(
    retention: ArrayLike,
    delta: ArrayLike = 0.05,
    *,
    margin: ArrayLike = 1.0,
    discount: ArrayLike = 0.10,
    margin_growth: ArrayLike = 0.0,
    acquisition_cost: ArrayLike = 0.0,
    periods: int | None = None,
) -> float | np.ndarray | pd.Series:
    r"""Relative change in a customer's value when retention rises by ``delta``.

    Slides A concludes that "raising loyalty by 5% raises profit by 25%-85%". The figures come
    from Reichheld & Sasser (1990), who measured, across a range of service industries, how much
    the value of a customer rose when a firm cut its defection rate by 5 percentage points. They
    are measurements, not a law; this function makes the mechanism explorable instead of quoting
    the numbers. The model (stated assumptions):

    * a customer's value is the present value of their margins while they stay, minus the cost
      of winning them:
      :math:`V(r) = \sum_{t=1}^{T} m (1+g)^{t-1} r^t / (1+d)^t - a`
      with retention ``r``, first-period margin ``m``, margin growth ``g`` a period (loyal
      customers buy more, cost less to serve, refer others and pay higher prices: the reasons
      Reichheld & Sasser give for profit rising with tenure), discount rate ``d`` and
      acquisition cost ``a``; with ``g = 0`` and ``a = 0`` this is :func:`clv`;
    * "loyalty up by delta" means the retention rate goes from ``r`` to ``r + delta`` (defections
      cut by ``delta`` percentage points), all else equal;
    * the effect is :math:`(V(r+\Delta) - V(r)) / V(r)`, the relative change in value per
      customer, which is the relative change in profit from a customer base of the same size.

    With ``a = 0`` the margin ``m`` cancels out; the acquisition cost and margin growth make the
    effect larger, which is why the measured range is wide.

    Parameters
    ----------
    retention : number, array or Series
        Retention rate before the change, in [0, 1].
    delta : number, array or Series, default 0.05
        Rise in the retention rate (negative for a fall); ``retention + delta`` must be in [0, 1].
    margin : number, array or Series, default 1
        First-period margin per customer, greater than 0.
    discount : number, array or Series, default 0.10
        Discount rate per period, at least 0.
    margin_growth : number, array or Series, default 0
        Growth of the margin per period of tenure, greater than -1.
    acquisition_cost : number, array or Series, default 0
        Cost of winning a customer, at least 0, in the units of ``margin``.
    periods : int, optional
        Horizon in periods; ``None`` sums over an unlimited horizon, which needs
        ``(retention + delta) (1 + margin_growth) < 1 + discount``.

    Returns
    -------
    float, ndarray or Series
        The relative change: ``0.25`` means customer value (and profit) rises by 25%.

    Raises
    ------
    TypeError, ValueError
        Non-numeric or missing values, retention or ``retention + delta`` outside [0, 1], a
        negative discount or acquisition cost, a non-positive margin, an unlimited sum that does
        not converge, a base value ``V(r) <= 0`` (the customer does not pay back their
        acquisition cost, so a relative change means nothing); the message names the argument
        and the offending elements.

    References
    ----------
    Reichheld, F. F., & Sasser, W. E. (1990). Zero defections: quality comes to services.
    *Harvard Business Review*, 68(5), 105-111.
    Reichheld, F. F. (1996). *The Loyalty Effect*. Harvard Business School Press.
    Gupta, S., & Lehmann, D. R. (2003). Customers as assets. *Journal of Interactive Marketing*,
    17(1), 9-24.

    Examples
    --------
    From 80% to 85% retention at a 10% discount rate: value goes from 0.8/0.3 to 0.85/0.25 of
    the margin, a rise of 27.5%.

    >>> round(retention_profit_effect(0.80), 3)
    0.275

    Margins that grow 5% a year with tenure and an acquisition cost of one year's margin:

    >>> round(retention_profit_effect(0.80, margin_growth=0.05, acquisition_cost=1.0), 3)
    0.491

    The effect is larger the more loyal the customers already are:

    >>> retention_profit_effect([0.6, 0.7, 0.8, 0.9]).round(2)
    array([0.2 , 0.22, 0.27, 0.41])
    """
    args = _inputs(
        retention=(retention, _Bounds(0.0, 1.0, hint=" (a probability: 80% is 0.8)")),
        delta=(delta, _Bounds(-1.0, 1.0)),
        margin=(margin, _POSITIVE),
        discount=(discount, _NON_NEGATIVE),
        margin_growth=(margin_growth, _Bounds(low=-1.0, low_open=True)),
        acquisition_cost=(acquisition_cost, _NON_NEGATIVE),
    )
    if periods is not None:
        periods = require_integer(periods, "periods", minimum=0)
    r, dr = args["retention"], args["delta"]
    d, g = args["discount"], args["margin_growth"]
    new = r + dr
    args.check(
        (new < 0) | (new > 1),
        f"retention + delta must be in [0, 1]; it is {_shown(new, (new < 0) | (new > 1))}",
    )
    if periods is None:
        args.check(
            np.maximum(r, new) * (1 + g) >= 1 + d,
            "with periods=None the sum of margins does not converge where "
            "retention x (1 + margin_growth) >= 1 + discount; give a horizon or a higher discount",
        )

    def value(rate: np.ndarray) -> np.ndarray:
        q = rate * (1 + g) / (1 + d)
        return args["margin"] / (1 + g) * _geometric_sum(q, periods) - args["acquisition_cost"]

    base = value(r)
    args.check(
        base <= 0,
        "the customer value before the change, V(retention), is not positive (margins do not "
        "pay back the acquisition cost), so a relative change is undefined",
    )
    return args.wrap((value(new) - base) / base, "retention_profit_effect")


# --------------------------------------------------------------------------------------------
# customer share and the value matrix


def share_of_wallet(
    firm_spend: ArrayLike, category_spend: ArrayLike
) -> float | np.ndarray | pd.Series:
    """Customer share (客户份额, share of wallet): the firm's share of a customer's category spend.

    The Lecture notes contrast a market-share strategy (sell one product to as many customers as
    possible) with a customer-share strategy (sell each customer as much of what they need as
    possible). Customer share = what a customer spends with this firm / what they spend on the
    whole category, over the same period, between 0 and 1.

    Parameters
    ----------
    firm_spend : number, array or Series
        The customer's spending with this firm, at least 0.
    category_spend : number, array or Series
        The customer's spending on the category with all firms, greater than 0 and at least
        ``firm_spend``. Drop customers who buy nothing in the category first: their share is
        undefined.

    Returns
    -------
    float, ndarray or Series
        The share in [0, 1], element-wise.

    Raises
    ------
    TypeError, ValueError
        Non-numeric, missing or negative values, a category spend of 0, a firm spend above the
        category spend; the message names the argument and the offending elements.

    References
    ----------
    Peppers, D., & Rogers, M. (1993). *The One to One Future*. Currency Doubleday (share of
    customer).
    Keiningham, T. L., Perkins-Munn, T., & Evans, H. (2003). The impact of customer satisfaction
    on share-of-wallet in a business-to-business environment. *Journal of Service Research*,
    6(1), 37-50.

    Examples
    --------
    >>> share_of_wallet(300, 1200)
    0.25
    >>> spend = pd.DataFrame({"ours": [300.0, 50.0], "all": [1200.0, 50.0]}, index=["a", "b"])
    >>> share_of_wallet(spend["ours"], spend["all"])
    a    0.25
    b    1.00
    Name: share_of_wallet, dtype: float64
    """
    args = _inputs(
        firm_spend=(firm_spend, _NON_NEGATIVE), category_spend=(category_spend, _POSITIVE)
    )
    firm, category = args["firm_spend"], args["category_spend"]
    above = firm > category
    args.check(
        above,
        "firm_spend cannot exceed category_spend (the firm's sales are part of the category); "
        f"firm_spend {_shown(firm, above)} > category_spend {_shown(category, above)}",
    )
    return args.wrap(firm / category, "share_of_wallet")


def value_matrix(
    data: pd.DataFrame,
    current: Hashable,
    future: Hashable,
    current_cut: float | None = None,
    future_cut: float | None = None,
) -> pd.DataFrame:
    """Place customers in the customer value matrix (客户价值矩阵) by current and future value.

    Each customer is high or low on current value (the profit they bring now) and on future
    value (the profit they are expected to bring), giving four classes:

    ============  =============  ============  ==========
    class         current value  future value  Chinese
    ============  =============  ============  ==========
    ``lead``      low            low           铅质客户
    ``iron``      low            high          铁质客户
    ``gold``      high           low           黄金客户
    ``platinum``  high           high          白金客户
    ============  =============  ============  ==========

    "High" means strictly above the cut, so a customer exactly at the cut is low. The default
    cuts are the medians of the two columns over the given customers, which makes the classes
    relative to the sample; pass fixed cuts to compare samples or years. The class does not
    depend on the order of the rows.

    The function takes a DataFrame and column names and returns a new DataFrame, pandas-style,
    rather than two Series, so that the customer keys and other columns stay with the labels.

    Parameters
    ----------
    data : DataFrame
        One row per customer. It is not modified.
    current, future : column label
        Numeric columns of current and future value (profit may be negative).
    current_cut, future_cut : float, optional
        The cuts; default the column medians.

    Returns
    -------
    DataFrame
        A copy of ``data`` with a column ``value_class``, an ordered categorical
        lead < iron < gold < platinum (the glossary's order; Chinese names via
        ``crmlab.glossary.chinese_name(label, "value_class")``), replacing any column of that
        name. (The default cuts are the medians; :func:`crmlab.plotting.value_matrix_chart`
        draws its quadrant lines there too, and needs the cuts when they are others.)

    Raises
    ------
    TypeError
        ``data`` not a DataFrame, a non-numeric column or cut.
    ValueError
        No rows, a missing column, missing or infinite values (naming the rows), a non-finite
        cut.

    References
    ----------
    The four classes come from an exam question of the Exam collection; the grid of current
    against future value follows customer-portfolio models such as
    Rust, R. T., Zeithaml, V. A., & Lemon, K. N. (2000). *Driving Customer Equity*. Free Press
    (the customer pyramid of platinum, gold, iron and lead tiers), and
    Zeithaml, V. A., Rust, R. T., & Lemon, K. N. (2001). The customer pyramid: creating and
    serving profitable customers. *California Management Review*, 43(4), 118-142.

    Examples
    --------
    >>> customers = pd.DataFrame(
    ...     {"now": [10.0, 80.0, 30.0, 90.0], "later": [20.0, 10.0, 70.0, 95.0]},
    ...     index=["a", "b", "c", "d"],
    ... )
    >>> value_matrix(customers, "now", "later", current_cut=50, future_cut=50)
        now  later value_class
    a  10.0   20.0        lead
    b  80.0   10.0        gold
    c  30.0   70.0        iron
    d  90.0   95.0    platinum
    """
    data = require_frame(data)
    require_columns(data, [current, future])
    now = numeric_values(data[current], current, allow_negative=True)
    later = numeric_values(data[future], future, allow_negative=True)
    cuts = {}
    for argument, cut, values in (
        ("current_cut", current_cut, now),
        ("future_cut", future_cut, later),
    ):
        cuts[argument] = float(values.median()) if cut is None else require_number(cut, argument)
    high_now = (now > cuts["current_cut"]).to_numpy()
    high_later = (later > cuts["future_cut"]).to_numpy()
    # (high current, high future) -> label; the dtype orders them lead < iron < gold < platinum
    grid = np.array([["lead", "iron"], ["gold", "platinum"]], dtype=object)
    labels = grid[high_now.astype("int64"), high_later.astype("int64")]
    result = data.copy()
    result["value_class"] = pd.Categorical(labels, dtype=ordered_dtype("value_class"))
    return result
