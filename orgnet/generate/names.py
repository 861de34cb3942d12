"""Fictional Danish names and places for the synthetic municipality (æ, ø and å on purpose)."""

WOMEN = (
    "Anne", "Mette", "Kirsten", "Hanne", "Susanne", "Lene", "Lone", "Birgitte", "Maria", "Camilla",
    "Sørine", "Bjørg", "Åse", "Gertrud", "Helle", "Tove", "Marianne", "Pernille", "Rikke", "Louise",
    "Solvejg", "Ærtrud", "Gørild", "Dorthe", "Jytte", "Karen", "Inger", "Malene", "Signe", "Ida",
)
MEN = (
    "Søren", "Jørgen", "Bjørn", "Lars", "Jens", "Niels", "Henrik", "Peter", "Morten", "Anders",
    "Thomas", "Mads", "Rasmus", "Ole", "Poul", "Kåre", "Jørn", "Preben", "Torben", "Michael",
    "Bent", "Ebbe", "Ove", "Frode", "Martin", "Jesper", "Kristian", "Åge", "Steffen", "Claus",
)
SURNAMES = (
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Møller",
    "Kjær", "Thøgersen", "Ågård", "Læssøe", "Bækgaard", "Østergaard", "Sønderby", "Frølund",
    "Højgaard", "Nørgaard", "Lykkegård", "Mølgaard", "Krøyer", "Dalsgård",
)
INSTITUTION_KINDS = (
    "Botilbuddet", "Bofællesskabet", "Børnehuset", "Aktivitetscentret", "Opholdsstedet",
    "Værestedet", "Ungecentret", "Specialbørnehaven", "Dagtilbuddet", "Bostedet",
)
PLACES = (
    "Egebakken", "Lærkereden", "Møllegården", "Søhøj", "Åbrinken", "Fjordglimt", "Kærholm",
    "Bøgelund", "Højvang", "Skovbrynet", "Rønnebær", "Solsikken", "Ærtebjerg", "Grøndalen",
    "Tårnborg", "Mågeøen", "Hyldegården", "Næsset", "Brødremosen", "Kløvermarken",
)
UNIT_NAMES = ("afd. Nord", "afd. Syd", "afd. Øst", "afd. Vest", "afd. Åen")
HOME = "Skovbjerg Kommune"
FORMER_MUNICIPALITIES = ("Skovbjerg", "Ålum", "Højsted")  # merged in the 2007 reform
ADMINISTRATION = "Skovbjerg Kommune, Social- og Sundhedsforvaltningen"
NEIGHBOURS = ("Vesterå Kommune", "Nørreby Kommune", "Søndermark Kommune")
REGION = "Region Østerland"
PRIVATE = ("Lindely ApS", "Fonden Bækgården", "Kvist & Søn Omsorg A/S", "Støttecentret Ø/S")
PROFESSIONS = ("pædagog", "pædagogmedhjælper", "social- og sundhedsassistent", "ergoterapeut", "lærer")
