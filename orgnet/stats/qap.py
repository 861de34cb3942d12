"""QAP: correlation and regression on dyads, with p-values from permuting the people.

Dyads that share a person are not independent, so ordinary p-values of a regression on dyads
are wrong. QAP (Krackhardt 1988; Dekker, Krackhardt & Snijders 2007) keeps each matrix whole
and relabels the people at random — rows and columns together — so every dependence among the
dyads of one person is kept; the statistic's values over the relabellings are its distribution
under "no relation beyond the structure each matrix has on its own".

- :func:`qap_correlation`: Pearson's r between two matrices; Y's people permuted.
- :func:`mrqap`: OLS on the dyads. ``method="dsp"`` (default): Dekker, Krackhardt & Snijders'
  double semi-partialling — for each term, its residual after regressing it on the other terms
  is permuted and the statistic is that term's t; ``method="yperm"``: Y is permuted, X kept.
- :func:`logistic_qap`: the same with a logistic model (Y present/absent), fitted by Newton's
  method (IRLS); log-likelihood and McFadden's R².

Permutations: ``permutations`` random relabellings from ``numpy.random.default_rng(seed)`` (the
same seed gives the same result), or — when n! is not more than ``permutations`` — every
relabelling once (``exact``). A p-value is the share of the permutations whose statistic is at
least as extreme as the observed one (``p_greater``: ≥, ``p_less``: ≤, ``p_two``: |·| ≥ |observed|),
UCINET's convention; the identity is one of the permutations only when they are enumerated.
Each permutation is one gather of an n × n matrix and a few dot products over all cells (numpy);
there is no Python loop over dyads.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd
from scipy.special import expit

from orgnet.errors import OrgnetError, Said
from orgnet.model import OrgNetwork
from orgnet.stats.dyads import Cells, cells, check_people, symmetrised, term_matrix

METHODS = ("dsp", "yperm")
DEFAULT_PERMUTATIONS = 2000
INTERCEPT = "intercept"
TIE_TOLERANCE = 1e-9  # two statistics this close (relative) count as equal: ties in the distribution are ties


@dataclass
class Term:
    """One row of a QAP table: the term's coefficient and its permutation p-values."""

    term: str
    coefficient: float
    standardised: float | None
    statistic: float  # what was permuted against: t (OLS), z (logistic), r (correlation)
    p_greater: float
    p_less: float
    p_two: float
    se: float | None = None
    robust_se: float | None = None  # OLS: White's HC0 (heteroscedasticity only; the dyads' dependence is what QAP handles)
    odds_ratio: float | None = None  # logistic: exp(coefficient)


@dataclass
class QapResult:
    """A QAP correlation or regression: the model's fit, one :class:`Term` per term, and how it was tested."""

    model: str  # "correlation", "ols" or "logistic"
    y: str
    method: str  # "yperm" or "dsp"
    statistic: str  # "r", "t" or "z"
    permutations: int
    exact: bool
    seed: int
    dyads: int
    left_out_missing: int  # cells left out because a value was missing (a non-respondent, a missing attribute)
    symmetric: bool
    terms: list[Term]
    r2: float | None = None
    adjusted_r2: float | None = None
    p_r2: float | None = None  # Y permutation only: the share of permutations with R² ≥ the observed
    loglik: float | None = None
    null_loglik: float | None = None
    mcfadden_r2: float | None = None
    distribution: dict | None = None  # correlation: mean, sd, min, max of the permuted r
    extra: dict = field(default_factory=dict)

    def term(self, name: str) -> Term:
        return next(t for t in self.terms if t.term == name)

    def metadata(self) -> dict:
        keys = ("model", "y", "method", "statistic", "permutations", "exact", "seed", "dyads", "left_out_missing", "symmetric",
                "r2", "adjusted_r2", "p_r2", "loglik", "null_loglik", "mcfadden_r2", "distribution")
        return {key: getattr(self, key) for key in keys if getattr(self, key) is not None}

    def to_dict(self) -> dict:
        """The machine-readable form: the metadata and ``terms`` (the intercept as term ``"intercept"``)."""
        return {**self.metadata(), "terms": [asdict(t) for t in self.terms]}

    def table(self) -> pd.DataFrame:
        frame = pd.DataFrame([asdict(t) for t in self.terms])
        return frame.dropna(axis=1, how="all")


# --- permutations ---------------------------------------------------------------------------------------------


def permutation_plan(n: int, permutations: int, seed: int) -> tuple[Iterator[np.ndarray], int, bool]:
    """The relabellings to use: every one of the n! when that is not more than ``permutations``, else random ones."""
    if permutations < 1:
        raise OrgnetError(Said("error.stats.permutations"))
    if n <= 12 and math.factorial(n) <= permutations:
        return (np.array(p) for p in itertools.permutations(range(n))), math.factorial(n), True
    rng = np.random.default_rng(seed)
    return (rng.permutation(n) for _ in range(permutations)), permutations, False


def p_values(observed: float, distribution: np.ndarray, centre: float = 0.0) -> tuple[float, float, float]:
    """Shares of ``distribution`` ≥, ≤ and at least as far from ``centre`` as the observed statistic.

    ``centre`` is 0 for a statistic that is 0 under chance (r, a coefficient, t); a statistic
    whose chance value is not 0 (an E–I index) is measured from the permutations' mean.
    """
    distribution = np.asarray(distribution, dtype=float)
    if not np.isfinite(observed):
        return (math.nan, math.nan, math.nan)
    tolerance = TIE_TOLERANCE * max(1.0, abs(observed))
    finite = distribution[np.isfinite(distribution)]
    if finite.size == 0:
        return (math.nan, math.nan, math.nan)
    return (
        float(np.mean(finite >= observed - tolerance)),
        float(np.mean(finite <= observed + tolerance)),
        float(np.mean(np.abs(finite - centre) >= abs(observed - centre) - tolerance)),
    )


def _permuted(matrix: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Rows and columns relabelled by ``p``, flattened."""
    return np.take(np.take(matrix, p, axis=0), p, axis=1).ravel()  # np.take: about twice as fast as matrix[p][:, p]


# --- the data of one model --------------------------------------------------------------------------------------


@dataclass
class Design:
    """Y and the terms as flattened n × n matrices (NaN → 0) with the cells' weights (1: used)."""

    n: int
    y: np.ndarray  # (n, n), NaN → 0
    y_known: np.ndarray  # (n, n) bool: the cells Y may be taken from (diagonal, other triangle, non-respondents out)
    x: np.ndarray  # (q, n*n), the intercept first
    x_known: np.ndarray  # (n*n,) bool: every term known
    names: list[str]
    left_out_missing: int
    symmetric: bool
    y_complete: bool = True  # Y known on every off-diagonal cell (of the triangle): permuting Y moves no missing cell

    @property
    def weights(self) -> np.ndarray:
        return (self.y_known.ravel() & self.x_known).astype(float)

    @property
    def static(self) -> bool:
        """True when permuting Y moves no missing cell (then X'X is the same in every permutation)."""
        return self.y_complete


def design(y: np.ndarray, xs: Sequence[np.ndarray], names: Sequence[str], use: np.ndarray, *, symmetric: bool = False,
           intercept: bool = True) -> Design:
    """The design of a QAP model from matrices (for data already as matrices; see :func:`network_design`)."""
    y = np.asarray(y, dtype=float)
    n = y.shape[0]
    if y.shape != (n, n) or any(np.shape(x) != (n, n) for x in xs):
        raise OrgnetError(Said("error.stats.not_square"))
    if symmetric:
        y, xs = symmetrised(y), [symmetrised(np.asarray(x, dtype=float)) for x in xs]
    use = np.asarray(use, dtype=bool) & ~np.eye(n, dtype=bool)
    y_known = use & ~np.isnan(y)
    whole = ~np.eye(n, dtype=bool)
    complete = bool(np.array_equal(y_known, np.triu(whole, 1) if symmetric else whole))
    columns = ([np.ones((n, n))] if intercept else []) + [np.asarray(x, dtype=float) for x in xs]
    x_known = np.all([~np.isnan(c) for c in columns], axis=0)
    left_out = int((use & ~(y_known & x_known)).sum())
    x = np.stack([np.nan_to_num(c).ravel() for c in columns])
    names = ([INTERCEPT] if intercept else []) + list(names)
    return Design(n, np.nan_to_num(y), y_known, x, x_known.ravel(), names, left_out, symmetric, complete)


def network_design(network: OrgNetwork, y: str, xs: Sequence[str], *, symmetric: bool = False) -> tuple[Design, Cells]:
    """The design of Y ~ terms on ``network``: the relation/layer ``y``, the terms as in :mod:`orgnet.stats.dyads`."""
    check_people(network)
    if not xs:
        raise OrgnetError(Said("error.stats.no_x"))
    if y in xs:
        raise OrgnetError(Said("error.stats.y_is_term", y=y))
    chosen = cells(network, symmetric=symmetric)
    made = design(term_matrix(network, y), [term_matrix(network, x) for x in xs], list(xs), chosen.use, symmetric=symmetric)
    made.left_out_missing += chosen.left_out_unanswered
    return made, chosen


# --- OLS --------------------------------------------------------------------------------------------------------


def _ols(x: np.ndarray, y: np.ndarray) -> dict:
    """OLS of y on the rows of x (q × N, only used cells): coefficients, t, R², SEs (classical and HC0)."""
    q, size = x.shape
    gram = x @ x.T
    inverse = np.linalg.pinv(gram)
    b = inverse @ (x @ y)
    residual = y - b @ x
    rss = float(residual @ residual)
    centred = y - y.mean()
    tss = float(centred @ centred)
    df = size - q
    sigma2 = rss / df if df > 0 else math.nan
    se = np.sqrt(np.clip(np.diag(inverse) * sigma2, 0, None))
    meat = (x * residual**2) @ x.T
    robust = np.sqrt(np.clip(np.diag(inverse @ meat @ inverse), 0, None))
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(se > 0, b / se, math.nan)
    r2 = 1 - rss / tss if tss > 0 else math.nan
    adjusted = 1 - (1 - r2) * (size - 1) / df if df > 0 else math.nan
    return {"b": b, "t": t, "se": se, "robust": robust, "r2": r2, "adjusted": adjusted}


def _t_from_normal_equations(gram: np.ndarray, xty: np.ndarray, yty: np.ndarray, size: np.ndarray, column: int) -> np.ndarray:
    """t of one column for many regressions at once, from their X'X (P × q × q), X'y (P × q), y'y and N (P)."""
    q = gram.shape[-1]
    try:
        inverse = np.linalg.inv(gram)
    except np.linalg.LinAlgError:
        inverse = np.linalg.pinv(gram)
    b = np.einsum("pij,pj->pi", inverse, xty)
    rss = yty - np.einsum("pi,pi->p", b, xty)
    sigma2 = np.clip(rss, 0, None) / (size - q)
    with np.errstate(divide="ignore", invalid="ignore"):
        return b[:, column] / np.sqrt(sigma2 * inverse[:, column, column])


def _residualised(design_: Design, k: int, weights: np.ndarray) -> np.ndarray:
    """Column k less its weighted OLS fit on the other columns, on every cell (0 where a term is unknown)."""
    others = np.delete(design_.x, k, axis=0)
    target = design_.x[k]
    weighted = others * weights
    gamma = np.linalg.pinv(weighted @ others.T) @ (weighted @ target)
    residual = target - gamma @ others
    residual[~design_.x_known] = 0.0
    return residual.reshape(design_.n, design_.n)


def _r2_from(xty, yty, ysum, size, gram):
    b = np.einsum("pij,pj->pi", np.linalg.pinv(gram), xty)
    rss = yty - np.einsum("pi,pi->p", b, xty)
    tss = yty - ysum**2 / size
    with np.errstate(divide="ignore", invalid="ignore"):
        return 1 - rss / tss


def mrqap(design_: Design, *, method: str = "dsp", permutations: int = DEFAULT_PERMUTATIONS, seed: int = 0, y: str = "y",
          fast: bool = True) -> QapResult:
    """MRQAP: OLS of Y on the terms over the used dyads, each term's t tested by permutation.

    ``fast`` (DSP, every off-diagonal cell used): the products a permutation needs are taken from the
    non-zero cells of the sparse matrices and from one gather per dense matrix (see :func:`_dsp_products`);
    ``fast=False`` computes them directly (the tests hold the two equal).
    """
    if method not in METHODS:
        raise OrgnetError(Said("error.stats.unknown_method", method=method, first=METHODS[0], second=METHODS[1]))
    weights = design_.weights
    used = weights > 0
    q = design_.x.shape[0]
    size = int(used.sum())
    if size <= q:
        raise OrgnetError(Said("error.stats.too_few_dyads", dyads=size, terms=q - 1))
    fit = _ols(design_.x[:, used], design_.y.ravel()[used])
    plan, count, exact = permutation_plan(design_.n, permutations, seed)
    distributions = np.empty((q, count))
    p_r2 = None
    if method == "dsp":
        residuals = [_residualised(design_, k, weights) for k in range(q)]
        yw = design_.y.ravel() * weights
        fixed = [np.delete(design_.x, k, axis=0) * weights for k in range(q)]
        gram_fixed = [f @ np.delete(design_.x, k, axis=0).T for k, f in enumerate(fixed)]
        xty_fixed = [f @ design_.y.ravel() for f in fixed]
        yty = float(yw @ design_.y.ravel())
        if fast and _all_cells_used(design_, weights) and q > 1:
            cross, own, with_y = _dsp_products(design_, residuals, weights, plan, count)
        else:
            cross = np.empty((q, count, q - 1))
            own = np.empty((q, count))
            with_y = np.empty((q, count))
            for i, p in enumerate(plan):
                for k in range(q):
                    e = _permuted(residuals[k], p)
                    cross[k, i] = fixed[k] @ e
                    own[k, i] = weights @ (e * e)
                    with_y[k, i] = yw @ e
        for k in range(q):
            gram = np.zeros((count, q, q))
            gram[:, : q - 1, : q - 1] = gram_fixed[k]
            gram[:, : q - 1, q - 1] = cross[k]
            gram[:, q - 1, : q - 1] = cross[k]
            gram[:, q - 1, q - 1] = own[k]
            xty = np.concatenate([np.broadcast_to(xty_fixed[k], (count, q - 1)), with_y[k][:, None]], axis=1)
            distributions[k] = _t_from_normal_equations(gram, xty, np.full(count, yty), np.full(count, size), q - 1)
    else:
        distributions, r2s = _y_permutation_t(design_, plan, count)
        p_r2 = p_values(fit["r2"], r2s)[0]
    sd_y = design_.y.ravel()[used].std()
    terms = []
    for k, name in enumerate(design_.names):
        sd_x = design_.x[k, used].std()
        standardised = None if name == INTERCEPT or sd_y == 0 else float(fit["b"][k] * sd_x / sd_y)
        greater, less, two = p_values(fit["t"][k], distributions[k])
        terms.append(Term(name, float(fit["b"][k]), standardised, float(fit["t"][k]), greater, less, two,
                          float(fit["se"][k]), float(fit["robust"][k])))
    return QapResult("ols", y, method, "t", count, exact, seed, size, design_.left_out_missing, design_.symmetric, terms,
                     r2=float(fit["r2"]), adjusted_r2=float(fit["adjusted"]), p_r2=p_r2)


SPARSE = 0.3  # a matrix with fewer non-zero cells than this share is read at its non-zero cells only


def _all_cells_used(design_: Design, weights: np.ndarray) -> bool:
    """Every off-diagonal cell (of the triangle) used: then Σ w·e and Σ w·e² are the same in every permutation."""
    n = design_.n
    whole = ~np.eye(n, dtype=bool)
    base = np.triu(whole, 1) if design_.symmetric else whole
    return bool(np.array_equal(weights.reshape(n, n) > 0, base))


def _dsp_products(design_: Design, residuals: list[np.ndarray], weights: np.ndarray, plan, count: int):
    """For DSP with every cell used: each term's permuted residual's products with the other columns, with Y and itself.

    Σ_ij z_ij e[p_i, p_j] is read at the non-zero cells of z when z is sparse (Y and most relations are),
    and, when z is dense, as Σ_ab z[p⁻¹_a, p⁻¹_b] e_ab: one gather of z per permutation serves every term.
    The intercept's product and e's own are the same in every permutation (the cells are only relabelled).
    """
    n, q = design_.n, design_.x.shape[0]
    stack = np.ascontiguousarray(np.stack([r.ravel() for r in residuals], axis=1))  # (N, q)
    columns = np.stack([r.ravel() for r in residuals])  # (q, N)
    constant_sum = columns @ weights
    constant_own = (columns * columns) @ weights
    sides = [design_.x[j] * weights for j in range(1, q)] + [design_.y.ravel() * weights]  # the terms, then Y
    sparse = []
    for z in sides:
        nonzero = np.flatnonzero(z)
        sparse.append((nonzero // n, nonzero % n, z[nonzero]) if nonzero.size < SPARSE * z.size else None)
    products = np.empty((count, len(sides), q))  # [perm, side, term]
    inverse = np.empty(n, dtype=np.intp)
    for i, p in enumerate(plan):
        inverse[p] = np.arange(n)
        for s, z in enumerate(sides):
            if sparse[s] is not None:
                rows, cols, values = sparse[s]
                products[i, s] = values @ np.take(stack, np.take(p, rows) * n + np.take(p, cols), axis=0)
            else:
                products[i, s] = columns @ _permuted(z.reshape(n, n), inverse)
    cross = np.empty((q, count, q - 1))
    for k in range(q):
        others = [j for j in range(q) if j != k]
        for position, j in enumerate(others):
            cross[k, :, position] = constant_sum[k] if j == 0 else products[:, j - 1, k]
    own = np.broadcast_to(constant_own[:, None], (q, count))
    with_y = products[:, -1, :].T
    return cross, own, with_y


def _y_permutation_t(design_: Design, plan, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Every term's t (q × P) and R² (P) with Y's people permuted, the terms kept."""
    q = design_.x.shape[0]
    xk = design_.x * design_.x_known
    known = design_.y_known.astype(float)
    xty = np.empty((count, q))
    yty = np.empty(count)
    ysum = np.empty(count)
    sizes = np.empty(count)
    if design_.static:
        w = design_.weights
        gram = np.broadcast_to((design_.x * w) @ design_.x.T, (count, q, q))
        sizes[:] = w.sum()
        for i, p in enumerate(plan):
            yp = _permuted(design_.y, p) * _permuted(known, p)
            xty[i] = xk @ yp
            yty[i] = design_.x_known @ (yp * yp)
            ysum[i] = xty[i, 0]
    else:
        pairs = [(a, b) for a in range(q) for b in range(a, q)]
        products = np.stack([xk[a] * design_.x[b] for a, b in pairs])
        gram = np.empty((count, q, q))
        for i, p in enumerate(plan):
            mp = _permuted(known, p)
            yp = _permuted(design_.y, p) * mp
            g = products @ mp
            for (a, b), value in zip(pairs, g):
                gram[i, a, b] = gram[i, b, a] = value
            xty[i] = xk @ yp
            yty[i] = design_.x_known @ (yp * yp)
            ysum[i] = xty[i, 0]
            sizes[i] = design_.x_known @ mp
    t = np.stack([_t_from_normal_equations(gram, xty, yty, sizes, k) for k in range(q)])
    return t, _r2_from(xty, yty, ysum, sizes, gram)


# --- correlation ------------------------------------------------------------------------------------------------


def qap_correlation(design_: Design, *, permutations: int = DEFAULT_PERMUTATIONS, seed: int = 0, y: str = "y") -> QapResult:
    """Pearson's r between Y and the one term over the used dyads; Y's people permuted."""
    if design_.x.shape[0] != 2:
        raise OrgnetError(Said("error.stats.correlation_one_term"))
    x = design_.x[1]
    xk = design_.x_known.astype(float)
    known = design_.y_known.astype(float)

    def r_of(m, yv):
        size = xk @ m
        sx, sxx = (xk * x) @ m, (xk * x * x) @ m
        sy, syy, sxy = xk @ yv, xk @ (yv * yv), (xk * x) @ yv
        with np.errstate(divide="ignore", invalid="ignore"):
            return (size * sxy - sx * sy) / np.sqrt((size * sxx - sx**2) * (size * syy - sy**2))

    m0 = known.ravel()
    observed = float(r_of(m0, design_.y.ravel() * m0))
    plan, count, exact = permutation_plan(design_.n, permutations, seed)
    distribution = np.empty(count)
    for i, p in enumerate(plan):
        mp = _permuted(known, p)
        distribution[i] = r_of(mp, _permuted(design_.y, p) * mp)
    greater, less, two = p_values(observed, distribution)
    term = Term(design_.names[1], observed, observed, observed, greater, less, two)
    finite = distribution[np.isfinite(distribution)]
    summary = {"mean": float(finite.mean()), "sd": float(finite.std()), "min": float(finite.min()), "max": float(finite.max()),
               "share_greater_or_equal": greater, "share_less_or_equal": less}
    return QapResult("correlation", y, "yperm", "r", count, exact, seed, int(design_.weights.sum()), design_.left_out_missing,
                     design_.symmetric, [term], distribution=summary, extra={"values": distribution})


# --- logistic ---------------------------------------------------------------------------------------------------


def logit_fit(x: np.ndarray, y: np.ndarray, *, iterations: int = 100, tolerance: float = 1e-10) -> dict:
    """Logistic regression of 0/1 ``y`` on the rows of ``x`` (q × N) by Newton's method (IRLS)."""
    q = x.shape[0]
    b = np.zeros(q)
    mean = y.mean()
    if 0 < mean < 1 and np.allclose(x[0], 1):
        b[0] = math.log(mean / (1 - mean))
    for _ in range(iterations):
        eta = b @ x
        mu = expit(eta)
        w = mu * (1 - mu)
        gradient = x @ (y - mu)
        hessian = (x * w) @ x.T
        try:
            step = np.linalg.solve(hessian, gradient)
        except np.linalg.LinAlgError:
            step = np.linalg.lstsq(hessian, gradient, rcond=None)[0]
        b = b + step
        if np.max(np.abs(step)) < tolerance:
            break
    eta = b @ x
    mu = expit(eta)
    loglik = float(np.sum(y * eta - np.logaddexp(0, eta)))
    covariance = np.linalg.pinv((x * (mu * (1 - mu))) @ x.T)
    se = np.sqrt(np.clip(np.diag(covariance), 0, None))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, b / se, math.nan)
    return {"b": b, "se": se, "z": z, "loglik": loglik}


def _binary(design_: Design) -> None:
    values = np.unique(design_.y[design_.y_known])
    if not set(values.tolist()) <= {0.0, 1.0}:
        raise OrgnetError(Said("error.stats.logistic_binary"))


def logistic_qap(design_: Design, *, method: str = "dsp", permutations: int = DEFAULT_PERMUTATIONS, seed: int = 0, y: str = "y") -> QapResult:
    """Logistic QAP: Y present/absent on the terms; each term's z tested by permutation (DSP or Y permutation)."""
    if method not in METHODS:
        raise OrgnetError(Said("error.stats.unknown_method", method=method, first=METHODS[0], second=METHODS[1]))
    _binary(design_)
    weights = design_.weights
    used = weights > 0
    q = design_.x.shape[0]
    yv = design_.y.ravel()
    fit = logit_fit(design_.x[:, used], yv[used])
    mean = yv[used].mean()
    size = int(used.sum())
    null = size * (mean * math.log(mean) + (1 - mean) * math.log(1 - mean)) if 0 < mean < 1 else 0.0
    plan, count, exact = permutation_plan(design_.n, permutations, seed)
    distributions = np.empty((q, count))
    if method == "dsp":
        residuals = [_residualised(design_, k, weights)[:, :] for k in range(q)]
        others = [np.delete(design_.x, k, axis=0)[:, used] for k in range(q)]
        for i, p in enumerate(plan):
            for k in range(q):
                e = _permuted(residuals[k], p)[used]
                distributions[k, i] = logit_fit(np.vstack([others[k], e]), yv[used])["z"][-1]
    else:
        known = design_.y_known.astype(float)
        for i, p in enumerate(plan):
            rows = (_permuted(known, p) > 0) & design_.x_known
            distributions[:, i] = logit_fit(design_.x[:, rows], _permuted(design_.y, p)[rows])["z"]
    terms = []
    for k, name in enumerate(design_.names):
        greater, less, two = p_values(fit["z"][k], distributions[k])
        terms.append(Term(name, float(fit["b"][k]), None, float(fit["z"][k]), greater, less, two, float(fit["se"][k]),
                          odds_ratio=float(np.exp(fit["b"][k]))))
    return QapResult("logistic", y, method, "z", count, exact, seed, size, design_.left_out_missing, design_.symmetric, terms,
                     loglik=fit["loglik"], null_loglik=float(null), mcfadden_r2=float(1 - fit["loglik"] / null) if null else None)


def qap(network: OrgNetwork, y: str, xs: Sequence[str], *, logistic: bool = False, method: str = "dsp",
        permutations: int = DEFAULT_PERMUTATIONS, seed: int = 0, symmetric: bool = False) -> QapResult:
    """``orgnet qap``: one term → QAP correlation; several → MRQAP (OLS); ``logistic`` → logistic QAP."""
    made, _ = network_design(network, y, xs, symmetric=symmetric)
    if logistic:
        return logistic_qap(made, method=method, permutations=permutations, seed=seed, y=y)
    if len(xs) == 1:
        return qap_correlation(made, permutations=permutations, seed=seed, y=y)
    return mrqap(made, method=method, permutations=permutations, seed=seed, y=y)
