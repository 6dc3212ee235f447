"""The example handout the product targets name: 3 sites and 6 compared options."""

SITES = ("spine", "liver", "brain")
COMPARED = (
    "spine-radiotherapy",
    "spine-sbrt",
    "spine-surgery",
    "liver-sbrt",
    "liver-ablation",
    "brain-radiosurgery",
)
