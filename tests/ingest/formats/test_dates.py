from datetime import UTC, datetime

import pytest

from dateline.ingest.formats.dates import parse_date


@pytest.mark.parametrize(
    ("_case", "value", "expected"),
    [
        (
            "rfc 822",
            "Wed, 31 Jan 2018 20:15:15 GMT",
            datetime(2018, 1, 31, 20, 15, 15, tzinfo=UTC),
        ),
        (
            "named zone, double space",
            "Wed, 5 Nov 2025 07:00:00  EST",
            datetime(2025, 11, 5, 12, tzinfo=UTC),
        ),
        (
            "military zone",
            "Thu, 14 May 2020 10:00:18 Z",
            datetime(2020, 5, 14, 10, 0, 18, tzinfo=UTC),
        ),
        (
            "iso with ms",
            "2016-06-27T07:36:54.007-07:00",
            datetime(2016, 6, 27, 14, 36, 54, 7000, tzinfo=UTC),
        ),
        ("date only", "2019-08-24", datetime(2019, 8, 24, tzinfo=UTC)),
        (
            "slashes, no zone",
            "2020/1/10 14:33:00",
            datetime(2020, 1, 10, 14, 33, tzinfo=UTC),
        ),
        (
            "half-hour offset",
            "2017-04-07T12:20:50+10:30",
            datetime(2017, 4, 7, 1, 50, 50, tzinfo=UTC),
        ),
        ("unix timestamp", "1518478934", None),
        ("garbage", "last Tuesday-ish", None),
        ("impossible day", "Mon, 30 Feb 2020 10:00:00 GMT", None),
        ("empty", "", None),
    ],
)
def test_parse_date(_case, value, expected):
    assert parse_date(value) == expected
