"""Path converters for date-based URLs: fixed width, so /2023/10/16/ is canonical."""


class FixedWidthNumber:
    width = 2
    regex = "[0-9]{2}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{int(value):0{self.width}d}"


class Year(FixedWidthNumber):
    width = 4
    regex = "[0-9]{4}"


class TwoDigits(FixedWidthNumber):
    width = 2
    regex = "[0-9]{2}"
