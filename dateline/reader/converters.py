"""Path converters for date-based URLs: fixed width, so /2023/10/16/ is canonical."""


class FixedWidthNumber:
    width = 2

    @property
    def regex(self) -> str:
        return f"[0-9]{{{self.width}}}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{int(value):0{self.width}d}"


class Year(FixedWidthNumber):
    width = 4


class TwoDigits(FixedWidthNumber):
    width = 2
