"""Texts of the deal (issue 18): terms per agreement, compensation in the region, by code:
{code: {"nl": ..., "en": ...}}.

Placeholders are the message's parameters (see :mod:`messages`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # compensation in the region
    "deal_region_loses": {
        "nl": "De regio gaat er in totaal {loss_cents} op achteruit: er is geen winst om te "
        "verdelen, dus geen compensatie",
        "en": "The region loses {loss_cents} in total: there is no gain to share, so no "
        "compensation",
    },
    "deal_shapley_bounded": {
        "nl": "De Shapley-waarde van {hospitals} ligt onder vandaag; zij eindigen op vandaag "
        "(€ 0) en de anderen delen de winst naar verhouding van hun Shapley-waarde",
        "en": "The Shapley value of {hospitals} is below today; they end at today (€ 0) and "
        "the others share the gain in proportion to their Shapley values",
    },
    "deal_shapley_sampled": {
        "nl": "Shapley-waarden geschat uit {orders} willekeurige volgordes van de ziekenhuizen; "
        "standaardfout hoogstens {error_cents}",
        "en": "Shapley values estimated from {orders} random orders of the hospitals; standard "
        "error at most {error_cents}",
    },
}
