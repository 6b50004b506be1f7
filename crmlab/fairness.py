"""Fairness (公平性) in customer relationships, chapter 4.

The Lecture notes separate two kinds of fairness:

* **procedural fairness** (程序公平): the rules and conduct of the relationship are fair (no hidden
  surcharges, no information asymmetry created on purpose). It is the foundation: it is what a
  firm can promise, and it makes outcomes predictable;
* **distributive fairness** (分配结果公平): each side gets a fair return for what it puts in. A
  customer tolerates one unfair outcome but not repeated ones, and accepts "unfair now,
  compensated next time" or "unfair now, better in the long run".

The notes give no way to measure either. This module adds two tools from the literature:

* :func:`equity_ratios` measures distributive fairness with Adams's (1965) equity theory: each
  party compares the ratio of what it gets (outcomes) to what it gives (inputs) with a reference;
* :func:`simulate_fairness` is a small, seeded simulation of the notes' claim about one-off versus
  repeated unfairness, with service recovery (compensation) as the remedy. Its numbers are
  assumptions for exploring the claim in class, not estimates.

References
----------
Adams, J. S. (1965). Inequity in social exchange. In L. Berkowitz (Ed.), *Advances in
Experimental Social Psychology* (Vol. 2, pp. 267-299). Academic Press.
Keaveney, S. M. (1995). Customer switching behavior in service industries: an exploratory study.
*Journal of Marketing*, 59(2), 71-82.
Smith, A. K., Bolton, R. N., & Wagner, J. (1999). A model of customer satisfaction with service
encounters involving failure and recovery. *Journal of Marketing Research*, 36(3), 356-372.
Tax, S. S., Brown, S. W., & Chandrashekaran, M. (1998). Customer evaluations of service complaint
experiences: implications for relationship marketing. *Journal of Marketing*, 62(2), 60-76.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import pandas as pd

from crmlab._validate import (
    describe_rows,
    numeric_values,
    random_generator,
    renamed,
    require_columns,
    require_frame,
    require_integer,
    require_number,
    require_probability,
    require_unique,
)
from crmlab.glossary import ordered_dtype

__all__ = ["equity_ratios", "simulate_fairness"]

_MAX_CELLS = 10_000_000  # customers x scenarios the simulation keeps in memory at once


def equity_ratios(
    data: pd.DataFrame,
    outcome: Hashable,
    contribution: Hashable | None = None,
    reference: Hashable | None = None,
    *,
    reference_ratio: float | None = None,
    tolerance: float = 0.05,
    **old_names: Hashable,
) -> pd.DataFrame:
    r"""Equity ratios (outcome / input) of each party, compared with a reference (Adams 1965).

    Equity theory says a party judges an exchange fair when the ratio of what it gets out
    (outcomes: goods, service, discounts, attention) to what it puts in (inputs: money, time,
    effort, loyalty) equals the ratio of a party it compares itself with. Each row of ``data`` is
    one party (a customer, a customer group, the firm); the function computes each ratio and
    compares it with a reference ratio :math:`R`:

    * ``ratio_gap`` = ratio / R - 1, the relative distance from the reference;
    * ``equity`` = ``underpaid`` (报酬不足) if the gap is below ``-tolerance``, ``overpaid``
      (报酬过度) if it is above ``tolerance``, else ``fair`` (公平).

    Adams found that both directions are felt as inequity (being overpaid brings guilt), but
    customers react more strongly to being underpaid. The tolerance stands for the threshold
    below which a difference goes unnoticed; the 5% default is a teaching assumption, not an
    estimate.

    Parameters
    ----------
    data : DataFrame
        One row per party; the index labels the parties. It is not modified.
    outcome : column label
        Numeric column of outcomes, at least 0, in any unit common to all rows.
    contribution : column label
        Numeric column of the party's inputs (what it puts in), greater than 0, in any unit
        common to all rows. (Its old name ``input=`` still works, with a ``FutureWarning``.)
    reference : row label, optional
        The party everyone compares with (its own row is ``fair``). The index must be unique.
    reference_ratio : float, optional
        A given reference ratio instead (a norm, a competitor's ratio), greater than 0.
        With neither ``reference`` nor ``reference_ratio`` the reference is the pooled ratio of
        all parties, total outcome / total input ("the going rate").
    tolerance : float, default 0.05
        Relative gap still judged fair, at least 0.

    Returns
    -------
    DataFrame
        A copy of ``data`` with columns ``equity_ratio``, ``reference_ratio``, ``ratio_gap`` and
        ``equity`` (ordered categorical underpaid < fair < overpaid).

    Raises
    ------
    TypeError
        ``data`` not a DataFrame, non-numeric columns or arguments.
    ValueError
        No rows, a missing column, missing or negative outcomes, inputs that are missing or not
        positive (naming the rows), an unknown reference party, both ``reference`` and
        ``reference_ratio``, a negative tolerance.

    References
    ----------
    Adams, J. S. (1965). Inequity in social exchange. In L. Berkowitz (Ed.), *Advances in
    Experimental Social Psychology* (Vol. 2, pp. 267-299). Academic Press.
    Oliver, R. L., & Swan, J. E. (1989). Consumer perceptions of interpersonal equity and
    satisfaction in transactions: a field survey approach. *Journal of Marketing*, 53(2), 21-35.

    Examples
    --------
    Three customers of a club: fees paid (input) and value of the services received (outcome):

    >>> club = pd.DataFrame(
    ...     {"services": [120.0, 100.0, 60.0], "fees": [100.0, 100.0, 100.0]},
    ...     index=["Li", "Wang", "Zhao"],
    ... )
    >>> equity_ratios(club, "services", "fees", reference="Wang")
          services   fees  equity_ratio  reference_ratio  ratio_gap     equity
    Li       120.0  100.0           1.2              1.0        0.2   overpaid
    Wang     100.0  100.0           1.0              1.0        0.0       fair
    Zhao      60.0  100.0           0.6              1.0       -0.4  underpaid
    """
    unknown = set(old_names) - {"input"}
    if unknown:
        raise TypeError(
            f"equity_ratios() got an unexpected keyword argument {sorted(unknown)[0]!r}"
        )
    contribution = renamed(
        "equity_ratios", "input", "contribution", old_names.get("input"), contribution
    )
    if contribution is None:
        raise TypeError("equity_ratios() needs the contribution column (what each party puts in)")
    data = require_frame(data)
    require_columns(data, [outcome, contribution])
    outcomes = numeric_values(data[outcome], outcome)
    inputs = numeric_values(data[contribution], contribution)
    zero = inputs.index[inputs.to_numpy() == 0]
    if len(zero):
        raise ValueError(
            f"column {contribution!r} must be greater than 0 (a ratio needs an input); rows "
            f"{describe_rows(zero)} hold 0"
        )
    tolerance = require_number(tolerance, "tolerance", minimum=0)
    ratios = outcomes / inputs
    if reference is not None and reference_ratio is not None:
        raise ValueError("give either reference (a party) or reference_ratio (a number), not both")
    if reference is not None:
        require_unique(data.index, "the index (parties)")
        if reference not in data.index:
            raise ValueError(
                f"reference {reference!r} is not a row of data; parties: {describe_rows(data.index)}"
            )
        ref = float(ratios.loc[reference])
        if ref == 0:
            raise ValueError(
                f"reference {reference!r} has an outcome of 0, so no ratio can be compared with it"
            )
    elif reference_ratio is not None:
        ref = require_number(reference_ratio, "reference_ratio", minimum=0, strict=True)
    else:
        ref = float(outcomes.sum() / inputs.sum())
        if ref == 0:
            raise ValueError(f"column {outcome!r} is 0 in every row, so the pooled ratio is 0")
    gap = ratios / ref - 1
    labels = np.where(gap < -tolerance, "underpaid", np.where(gap > tolerance, "overpaid", "fair"))
    result = data.copy()
    result["equity_ratio"] = ratios
    result["reference_ratio"] = ref
    result["ratio_gap"] = gap
    result["equity"] = pd.Categorical(labels, dtype=ordered_dtype("equity_state"))
    return result


def _probabilities(values: float | Sequence[float], name: str) -> np.ndarray:
    """One probability or a sequence of distinct ones, as a float array; checked."""
    if isinstance(values, (str, bytes)) or not np.iterable(values):
        return np.array([require_probability(values, name)])  # type: ignore[arg-type]
    items = list(values)  # type: ignore[arg-type]
    if not items:
        raise ValueError(f"{name} is empty; give at least one probability")
    checked = [require_probability(v, f"{name}[{i}]") for i, v in enumerate(items)]
    duplicated = sorted({v for v in checked if checked.count(v) > 1})
    if duplicated:
        raise ValueError(f"{name} has duplicate values {duplicated}; each scenario once")
    return np.array(checked)


def simulate_fairness(
    n_customers: int,
    n_interactions: int,
    unfair_prob: float | Sequence[float],
    compensation: float | Sequence[float] = 0.0,
    seed: int | np.random.Generator = 0,
    *,
    tolerance: float = 1.0,
    churn_step: float = 0.3,
    recovery: float = 1.0,
    forgetting: float = 0.0,
    base_churn: float = 0.0,
) -> pd.DataFrame:
    r"""Simulate customers who tolerate a one-off unfair outcome but leave after repeated ones.

    The Lecture notes say customers put up with one unfair outcome, especially if it is made good next
    time, but not with unfairness again and again. The notes give no numbers, so this model
    states its assumptions (each one an argument):

    1. **Interactions.** Every customer who is still a customer has ``n_interactions``
       interactions (purchases, service encounters) with the firm, one per step.
    2. **Unfair outcomes.** Each interaction is unfair with probability ``unfair_prob``,
       independently across customers and interactions (distributive unfairness only;
       procedural fairness is held constant).
    3. **Compensation (service recovery).** The firm makes good an unfair outcome with
       probability ``compensation``: it acknowledges it and compensates the customer at the next
       interaction ("unfair now, compensated next time"). The customer trusts the promise, so
       the recovery counts at once: a compensated unfair outcome adds ``1 - recovery`` to the
       customer's grievance, an uncompensated one adds 1. With ``recovery=1`` (the default) a
       compensated outcome is fully forgiven, the best case of the service-recovery literature
       (Smith, Bolton & Wagner 1999; Tax, Brown & Chandrashekaran 1998); lower values model a
       partial recovery.
    4. **Memory.** Each fair interaction shrinks the grievance by the factor
       ``1 - forgetting``; with ``forgetting=0`` (the default) every uncompensated unfair
       outcome is remembered for the whole relationship.
    5. **Tolerance and churn.** A customer tolerates a grievance of up to ``tolerance``
       (default 1: one uncompensated unfair outcome) without extra risk of leaving. Beyond it,
       each further unit of grievance independently makes the customer leave with probability
       ``churn_step``, so after an interaction the probability of leaving is
       :math:`1 - (1 - b)(1 - s)^{\max(G - \tau, 0)}` with grievance :math:`G`, tolerance
       :math:`\tau`, ``churn_step`` :math:`s` and ``base_churn`` :math:`b`, the churn that has
       nothing to do with fairness (default 0). A customer who leaves never comes back.

    The random numbers are drawn once per customer and interaction with
    ``numpy.random.default_rng(seed)`` and shared by all scenarios (common random numbers), so
    the same ``seed`` gives the same output, a scenario's result does not depend on which other
    scenarios are run with it, and comparisons between scenarios are not blurred by noise: a
    higher ``unfair_prob`` never retains more customers, and more ``compensation`` never
    retains fewer, for every seed.

    Parameters
    ----------
    n_customers : int
        Customers in each scenario, at least 1.
    n_interactions : int
        Interactions to simulate, at least 1.
    unfair_prob : float or sequence of floats
        Probability that an interaction is unfair, in [0, 1]; a sequence runs one scenario per
        value.
    compensation : float or sequence of floats, default 0
        Probability that an unfair outcome is compensated, in [0, 1]; a sequence runs one
        scenario per value (crossed with ``unfair_prob``).
    seed : int or Generator, default 0
        Seed of the random generator, at least 0 (crmlab draws only from explicit seeds, so
        ``None`` is refused).
    tolerance : float, default 1
        Grievance tolerated without extra churn, at least 0.
    churn_step : float, default 0.3
        Probability of leaving per unit of grievance beyond the tolerance, in [0, 1].
    recovery : float, default 1
        Share of an unfair outcome's grievance that compensation removes, in [0, 1].
    forgetting : float, default 0
        Share of the grievance forgotten after each fair interaction, in [0, 1].
    base_churn : float, default 0
        Probability of leaving at each interaction for reasons other than fairness, in [0, 1].

    Returns
    -------
    DataFrame
        Tidy, one row per scenario and interaction (interaction 0 is the start), columns
        ``unfair_prob``, ``compensation``, ``interaction``, ``customers_retained``,
        ``share_retained`` (of ``n_customers``), ``unfair_rate`` and ``compensated_rate`` (shares
        of the customers at the start of the interaction who got an unfair, and a compensated
        unfair, outcome), ``churn_rate`` (share of those customers who left) and
        ``mean_grievance`` (over the customers retained). Rates are missing (NaN) at interaction
        0 and once no customer is left.

    Raises
    ------
    TypeError
        Non-integer counts or seed, non-numeric probabilities.
    ValueError
        Counts below 1, probabilities outside [0, 1], an empty or duplicated scenario list, a
        negative tolerance, a simulation too large for memory.

    References
    ----------
    Adams, J. S. (1965). Inequity in social exchange. In L. Berkowitz (Ed.), *Advances in
    Experimental Social Psychology* (Vol. 2, pp. 267-299). Academic Press.
    Keaveney, S. M. (1995). Customer switching behavior in service industries: an exploratory
    study. *Journal of Marketing*, 59(2), 71-82 (switching after failures and failed recoveries).
    Smith, A. K., Bolton, R. N., & Wagner, J. (1999). A model of customer satisfaction with
    service encounters involving failure and recovery. *Journal of Marketing Research*, 36(3),
    356-372.
    Tax, S. S., Brown, S. W., & Chandrashekaran, M. (1998). Customer evaluations of service
    complaint experiences: implications for relationship marketing. *Journal of Marketing*,
    62(2), 60-76.

    Examples
    --------
    >>> sim = simulate_fairness(1000, 10, [0.1, 0.3], compensation=[0.0, 0.8], seed=1)
    >>> sim.columns.tolist()
    ['unfair_prob', 'compensation', 'interaction', 'customers_retained', 'share_retained',
     'unfair_rate', 'compensated_rate', 'churn_rate', 'mean_grievance']
    >>> final = sim[sim["interaction"] == 10]
    >>> final.pivot(index="unfair_prob", columns="compensation", values="share_retained")
    compensation    0.0    0.8
    unfair_prob
    0.1           0.804  0.994
    0.3           0.258  0.928
    """
    n_customers = require_integer(n_customers, "n_customers", minimum=1)
    n_interactions = require_integer(n_interactions, "n_interactions", minimum=1)
    p_unfair = _probabilities(unfair_prob, "unfair_prob")
    p_comp = _probabilities(compensation, "compensation")
    rng = random_generator(seed)
    tolerance = require_number(tolerance, "tolerance", minimum=0)
    churn_step = require_probability(churn_step, "churn_step")
    recovery = require_probability(recovery, "recovery")
    forgetting = require_probability(forgetting, "forgetting")
    base_churn = require_probability(base_churn, "base_churn")

    # scenarios: every unfair_prob crossed with every compensation, one row of the state each
    unfair_s = np.repeat(p_unfair, len(p_comp))[:, None]
    comp_s = np.tile(p_comp, len(p_unfair))[:, None]
    n_scenarios = len(unfair_s)
    if n_scenarios * n_customers > _MAX_CELLS:
        raise ValueError(
            f"{n_scenarios} scenarios x {n_customers} customers is too large to simulate "
            f"(limit {_MAX_CELLS:,} customer-scenarios); use fewer customers or scenarios"
        )

    active = np.ones((n_scenarios, n_customers), dtype=bool)
    grievance = np.zeros((n_scenarios, n_customers))
    steps = n_interactions + 1
    retained = np.empty((steps, n_scenarios), dtype="int64")
    rates = {
        name: np.full((steps, n_scenarios), np.nan)
        for name in ("unfair_rate", "compensated_rate", "churn_rate", "mean_grievance")
    }
    retained[0] = n_customers
    rates["mean_grievance"][0] = 0.0
    for t in range(1, steps):
        # the same three draws per customer and interaction in every scenario
        u_unfair, u_comp, u_churn = rng.random((3, n_customers))
        unfair = active & (u_unfair < unfair_s)
        compensated = unfair & (u_comp < comp_s)
        fair = active & ~unfair
        grievance = np.where(fair, grievance * (1.0 - forgetting), grievance)
        grievance = grievance + np.where(compensated, 1.0 - recovery, unfair.astype(float))
        excess = np.maximum(grievance - tolerance, 0.0)
        leave_prob = 1.0 - (1.0 - base_churn) * (1.0 - churn_step) ** excess
        leave = active & (u_churn < leave_prob)
        at_start = active.sum(axis=1)
        active = active & ~leave
        retained[t] = active.sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            rates["unfair_rate"][t] = unfair.sum(axis=1) / at_start
            rates["compensated_rate"][t] = compensated.sum(axis=1) / at_start
            rates["churn_rate"][t] = leave.sum(axis=1) / at_start
            rates["mean_grievance"][t] = (grievance * active).sum(axis=1) / retained[t]
    for values in rates.values():
        values[~np.isfinite(values)] = np.nan

    frame = pd.DataFrame(
        {
            "unfair_prob": np.tile(unfair_s[:, 0], steps),
            "compensation": np.tile(comp_s[:, 0], steps),
            "interaction": np.repeat(np.arange(steps, dtype="int64"), n_scenarios),
            "customers_retained": retained.ravel(),
            "share_retained": retained.ravel() / n_customers,
            **{name: values.ravel() for name, values in rates.items()},
        }
    )
    order = frame.sort_values(["unfair_prob", "compensation", "interaction"], kind="stable")
    return order.reset_index(drop=True)
