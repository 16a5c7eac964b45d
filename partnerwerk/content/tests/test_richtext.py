"""The rich-text rule: a small subset of HTML survives, everything hostile is removed."""

from partnerwerk.content.richtext import clean, plain_text

HOSTILE = (
    '<p style="color:red" onclick="steal()">Hallo <a href="javascript:alert(1)">klick</a>'
    '<a href="JaVaScRiPt:alert(2)">zwei</a><a href="data:text/html,<script>x</script>">d</a>'
    '</p><script>alert(3)</script><iframe src="https://evil.example/"></iframe>'
    '<img src="x" onerror="alert(4)"><svg onload="alert(5)"></svg><style>body{}</style>'
    '<object data="x.swf"></object><form action="https://evil.example/"><input></form>'
)


def test_it_removes_scripts_styles_event_handlers_frames_and_unsafe_links():
    cleaned = clean(HOSTILE)
    for hostile in (
        "<script",
        "alert(",
        "onclick",
        "onerror",
        "onload",
        "style",
        "<iframe",
        "javascript:",
        "data:",
        "<img",
        "<svg",
        "<object",
        "<form",
        "<input",
        "evil.example",
    ):
        assert hostile not in cleaned.lower()
    assert "Hallo" in cleaned


def test_it_keeps_headings_lists_links_and_emphasis():
    text = (
        '<h2>Besuch</h2><p><strong>Fett</strong> und <em>kursiv</em>, ein <a href="https://'
        'www.dortmund.de/">Link</a> und <a href="/partnerships/">einer hier</a>.</p>'
        "<ul><li>eins</li></ul>"
    )
    cleaned = clean(text)
    assert "<h2>Besuch</h2>" in cleaned
    assert "<strong>Fett</strong>" in cleaned and "<em>kursiv</em>" in cleaned
    assert 'href="https://www.dortmund.de/"' in cleaned
    assert 'href="/partnerships/"' in cleaned
    assert 'rel="noopener noreferrer"' in cleaned
    assert "<li>eins</li>" in cleaned


def test_plain_text_becomes_paragraphs_at_empty_lines():
    cleaned = clean("Erster Absatz\nmit Umbruch.\n\nZweiter Absatz.")
    assert cleaned == "<p>Erster Absatz<br>mit Umbruch.</p><p>Zweiter Absatz.</p>"


def test_a_lone_angle_bracket_is_text_not_markup():
    assert clean("3 < 4 und <b>fett</b>") == "<p>3 &lt; 4 und <b>fett</b></p>"


def test_plain_text_drops_all_markup():
    assert plain_text("<h2>A &amp; B</h2><p>Text</p>") == "A & B Text"
