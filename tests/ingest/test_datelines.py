import pytest

from dateline.ingest.datelines import Dateline, dateline_parse, dateline_split

SEED_LEAD = (
    "Moscow [Russia]: Russian President Vladimir Putin on Monday spoke with "
    "Israeli Prime Minister Benjamin Netanyahu about the Israel-Hamas war"
)

# (lead, place, date, agency, what the lead starts with afterwards)
WITH_DATELINE = [
    (
        "seed (ANI style, portal)",
        SEED_LEAD,
        "Moscow [Russia]",
        "",
        "",
        "Russian President",
    ),
    (
        "AP",
        "WASHINGTON (AP) — The Senate voted on Tuesday",
        "WASHINGTON",
        "",
        "AP",
        "The Senate",
    ),
    (
        "AP en dash",
        "BEIRUT (AP) – Israeli jets struck",
        "BEIRUT",
        "",
        "AP",
        "Israeli jets",
    ),
    (
        "AP double hyphen",
        "GROSSETO, Italy (AP) -- The trial of the captain",
        "GROSSETO, Italy",
        "",
        "AP",
        "The trial",
    ),
    (
        "AP region",
        "SAN JUAN, Puerto Rico (AP) — Hurricane Fiona",
        "SAN JUAN, Puerto Rico",
        "",
        "AP",
        "Hurricane",
    ),
    ("AP two words", "NEW YORK (AP) — Stocks fell", "NEW YORK", "", "AP", "Stocks"),
    (
        "AP no agency",
        "WASHINGTON — The House passed",
        "WASHINGTON",
        "",
        "",
        "The House",
    ),
    (
        "Reuters",
        "LONDON, Oct 16 (Reuters) - Oil prices rose",
        "LONDON",
        "Oct 16",
        "Reuters",
        "Oil prices",
    ),
    (
        "Reuters full month",
        "TOKYO, October 3 (Reuters) - Japan's Nikkei",
        "TOKYO",
        "October 3",
        "Reuters",
        "Japan's",
    ),
    (
        "Reuters dotted month",
        "BERLIN, Sept. 12 (Reuters) - German inflation",
        "BERLIN",
        "Sept. 12",
        "Reuters",
        "German",
    ),
    (
        "Reuters service",
        "NEW YORK, Oct 16 (Reuters Breakingviews) - Banks",
        "NEW YORK",
        "Oct 16",
        "Reuters Breakingviews",
        "Banks",
    ),
    (
        "Reuters day first",
        "JOHANNESBURG, 4 March (Reuters) - South Africa",
        "JOHANNESBURG",
        "4 March",
        "Reuters",
        "South Africa",
    ),
    ("AFP", "Paris (AFP) - France said on Monday", "Paris", "", "AFP", "France"),
    (
        "AFP capitals",
        "PARIS (AFP) – Thousands marched",
        "PARIS",
        "",
        "AFP",
        "Thousands",
    ),
    (
        "AFP two words",
        "Hong Kong (AFP) - Protesters gathered",
        "Hong Kong",
        "",
        "AFP",
        "Protesters",
    ),
    (
        "ANI",
        "New Delhi [India], October 16 (ANI): The Supreme Court",
        "New Delhi [India]",
        "October 16",
        "ANI",
        "The Supreme",
    ),
    (
        "ANI plain",
        "Srinagar (Jammu and Kashmir) [India], Oct 16 (ANI): Security forces",
        None,
        None,
        None,
        None,
    ),  # nested parentheses: not read
    (
        "ANI short",
        "Mumbai [India]: Actor Shah Rukh Khan",
        "Mumbai [India]",
        "",
        "",
        "Actor",
    ),
    (
        "PTI",
        "New Delhi, Oct 16 (PTI) The Supreme Court on Monday",
        "New Delhi",
        "Oct 16",
        "PTI",
        "The Supreme",
    ),
    (
        "PTI capitals",
        "NEW DELHI, OCT 16 (PTI): Prices rose",
        "NEW DELHI",
        "OCT 16",
        "PTI",
        "Prices",
    ),
    (
        "PTI colon",
        "Kolkata, Oct 16 (PTI): West Bengal",
        "Kolkata",
        "Oct 16",
        "PTI",
        "West Bengal",
    ),
    (
        "IANS",
        "Mumbai, Oct 16 (IANS) Actor Ranveer Singh",
        "Mumbai",
        "Oct 16",
        "IANS",
        "Actor",
    ),
    (
        "IANS year",
        "Chennai, October 16, 2023 (IANS) Tamil Nadu",
        "Chennai",
        "October 16, 2023",
        "IANS",
        "Tamil Nadu",
    ),
    (
        "local capitals",
        "NEW DELHI: The government on Monday",
        "NEW DELHI",
        "",
        "",
        "The government",
    ),
    ("local title case", "Kochi: The state government", "Kochi", "", "", "The state"),
    (
        "local three words",
        "Thiruvananthapuram: Kerala's health minister",
        "Thiruvananthapuram",
        "",
        "",
        "Kerala's",
    ),
    (
        "local with date",
        "Hyderabad, Oct 16: The Telangana",
        "Hyderabad",
        "Oct 16",
        "",
        "The Telangana",
    ),
    (
        "local hyphen name",
        "Port-au-Prince: Gangs blocked",
        "Port-au-Prince",
        "",
        "",
        "Gangs",
    ),
    (
        "connector",
        "Rio de Janeiro (AFP) - Brazil's",
        "Rio de Janeiro",
        "",
        "AFP",
        "Brazil's",
    ),
    ("dpa", "BERLIN (dpa) - Die Bundesregierung", "BERLIN", "", "dpa", "Die"),
    (
        "UNI",
        "Bengaluru, Oct 16 (UNI) Karnataka",
        "Bengaluru",
        "Oct 16",
        "UNI",
        "Karnataka",
    ),
    (
        "quote after",
        "KYIV (AP) — “We will not surrender,” the president said",
        "KYIV",
        "",
        "AP",
        "“We will",
    ),
    (
        "NITF bracketed",
        "(New York, NY - October 21) Et, sent luptat",
        "New York, NY",
        "October 21",
        "",
        "Et, sent",
    ),
    ("pipe", "LAGOS | Nigeria's central bank", "LAGOS", "", "", "Nigeria's"),
    (
        "accented",
        "SÃO PAULO (Reuters) - Brazil's",
        "SÃO PAULO",
        "",
        "Reuters",
        "Brazil's",
    ),
]

# Leads that have no dateline, or whose first words only look like one.
WITHOUT_DATELINE = [
    ("plain lead", "Russian President Vladimir Putin on Monday spoke with"),
    ("speech", "Putin said: we will continue"),
    ("label breaking", "BREAKING: A strong earthquake struck"),
    ("label update", "UPDATE: The vote was postponed"),
    ("label editor's note", "Editor's note: This story contains"),
    ("label watch", "WATCH: The moment the bridge fell"),
    ("label analysis", "Analysis: Why the central bank"),
    ("person and dash", "Boris Johnson - the former prime minister - said"),
    ("sentence", "The president said on Monday that"),
    ("number first", "2023 was the hottest year"),
    ("quote first", "“We will not surrender,” the president said"),
    ("lower case", "scientists in Geneva: the particle"),
    ("question", "Q: What happens next?"),
    ("empty", ""),
    (
        "long name and colon",
        "The United Nations Security Council Special Envoy: talks resumed",
    ),
]


@pytest.mark.parametrize(
    ("_case", "lead", "place", "date", "agency", "rest"),
    WITH_DATELINE,
    ids=[c[0] for c in WITH_DATELINE],
)
def test_dateline_is_read_from_the_lead(_case, lead, place, date, agency, rest):
    found = dateline_parse(lead)
    if place is None:
        assert found is None
        return
    assert found is not None
    dateline, after = found
    assert dateline == Dateline(place, date, agency)
    assert after.startswith(rest)


@pytest.mark.parametrize(
    ("_case", "lead"), WITHOUT_DATELINE, ids=[c[0] for c in WITHOUT_DATELINE]
)
def test_lead_without_dateline_is_left_alone(_case, lead):
    assert dateline_parse(lead) is None


def test_there_are_at_least_forty_real_style_leads():
    assert len(WITH_DATELINE) + len(WITHOUT_DATELINE) >= 40


def test_dateline_text_joins_place_and_date_without_the_credit():
    assert Dateline("LONDON", "Oct 16", "Reuters").text == "LONDON, Oct 16"
    assert Dateline("Moscow [Russia]").text == "Moscow [Russia]"


def test_split_takes_the_dateline_out_of_the_first_paragraph():
    dateline, body = dateline_split(f"<p>{SEED_LEAD}.</p><p>During their talks…</p>")
    assert dateline == Dateline("Moscow [Russia]")
    assert body == (
        "<p>Russian President Vladimir Putin on Monday spoke with Israeli Prime "
        "Minister Benjamin Netanyahu about the Israel-Hamas war.</p><p>During their talks…</p>"
    )


def test_split_removes_a_bold_dateline_and_its_empty_wrapper():
    dateline, body = dateline_split(
        "<p><strong>LONDON, Oct 16 (Reuters) -</strong> Oil <b>prices</b> rose.</p>"
    )
    assert dateline == Dateline("LONDON", "Oct 16", "Reuters")
    assert body == "<p>Oil <b>prices</b> rose.</p>"


def test_split_leaves_a_body_without_dateline_unchanged():
    html = "<p>BREAKING: A strong earthquake struck.</p>"
    assert dateline_split(html) == (None, html)
