"""The wiki-export parser: decoding uploaded bytes (empty, binary, not UTF-8, BOM, line ends)."""

import pytest

from guides.importer.parser import ArticleError, decode_source


class TestDecodeSource:
    @pytest.mark.parametrize("data", [b"", b" \n\t\n", b"\xef\xbb\xbf"])
    def test_empty(self, data):
        with pytest.raises(ArticleError) as caught:
            decode_source(data, "empty.txt")
        assert caught.value.message == "the file is empty"
        assert caught.value.line is None
        assert str(caught.value) == "the file is empty"
        assert caught.value.source == "empty.txt"

    @pytest.mark.parametrize("data", [b"\x00\x01binary", b"\x01\x02\x03\x04\x05ab"])
    def test_binary(self, data):
        with pytest.raises(ArticleError) as caught:
            decode_source(data)
        assert caught.value.message == "the file is binary, not a text export"
        assert caught.value.line is None

    def test_not_utf8_names_line_and_column(self):
        with pytest.raises(ArticleError) as caught:
            decode_source("first\nsecond\nabcd\xe9f\n".encode("latin-1"))
        assert caught.value.line == 3
        # The line is said once, in front; the message itself names the column.
        assert caught.value.message == "the text is not UTF-8 (invalid byte 0xe9 at column 5)"
        assert str(caught.value) == (
            "line 3: the text is not UTF-8 (invalid byte 0xe9 at column 5)"
        )

    def test_strips_bom_and_normalises_line_endings(self):
        data = "\ufeffRelationship Communication Wiki\r\n\r\nSeries-1：标题\r\n".encode()
        assert decode_source(data) == "Relationship Communication Wiki\n\nSeries-1：标题\n"
