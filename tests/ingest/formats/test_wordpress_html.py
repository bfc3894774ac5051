from dateline.ingest.formats.wordpress_html import wordpress_html


def test_caption_shortcode_becomes_a_figure():
    html = wordpress_html(
        '[caption id="a" width="300"]<img src="x.jpg" alt="Bell"> Bell on wharf[/caption]'
    )
    assert (
        html
        == '<figure class="image"><img src="x.jpg" alt="Bell"><figcaption>Bell on wharf</figcaption></figure>'
    )


def test_widget_shortcodes_and_block_comments_are_removed():
    html = wordpress_html(
        '<!-- wp:paragraph -->\n<p>Text [gallery ids="1,2"]</p>\n<!-- /wp:paragraph -->'
    )
    assert html == "<p>Text </p>"


def test_audio_shortcode_becomes_a_link():
    html = wordpress_html('[audio mp3="https://example.com/a.mp3"][/audio]')
    assert (
        html == '<p><a href="https://example.com/a.mp3">Listen or watch (audio)</a></p>'
    )


def test_classic_text_gets_paragraphs():
    assert (
        wordpress_html("One line\nnext line\n\nSecond")
        == "<p>One line<br>\nnext line</p>\n<p>Second</p>"
    )


def test_bracketed_words_are_not_shortcodes():
    assert wordpress_html("Moscow [Russia]: text") == "<p>Moscow [Russia]: text</p>"
