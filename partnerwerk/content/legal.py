"""The first version of the portal's legal pages: the text their templates held until the
office could edit them (issue 19). The data migration 0002 writes them as published pages;
the portal falls back to them only when no public version exists (a database emptied by a
test or a restore), because an imprint must never be missing."""

IMPRINT, PRIVACY, ACCESSIBILITY = "imprint", "privacy", "accessibility"

LEGAL_PAGES = {
    IMPRINT: {
        "title_de": "Impressum",
        "title_en": "Imprint",
        "body_de": (
            "<h2>Offene Daten und Lizenzen</h2>"
            "<p>Die Texte und Daten dieses Portals sind offene Daten. Jede Angabe nennt ihre "
            "Quelle; nutzen Sie sie unter der dort genannten Lizenz weiter und nennen Sie die "
            "Stadt Dortmund und die Quelle.</p>"
            "<p>Die Weltkarte nutzt Ländergrenzen von Natural Earth (gemeinfrei) aus dem Paket "
            "world-atlas; gezeichnet wird sie mit Leaflet (BSD-2-Clause). Beides wird von "
            "dieser Website ausgeliefert.</p>"
            "<h2>Software</h2>"
            "<p>Dieses Portal läuft mit Partnerwerk, freier Software unter der GNU Affero "
            "General Public License, Version 3 oder später.</p>"
        ),
        "body_en": (
            "<h2>Open data and licences</h2>"
            "<p>The texts and data of this portal are open data. Each fact names its source; "
            "reuse them under the licence stated with the source, and cite the City of "
            "Dortmund and the source.</p>"
            "<p>The world map uses country shapes from Natural Earth (public domain) through "
            "the world-atlas package; the map is drawn with Leaflet (BSD-2-Clause). Both are "
            "served from this website.</p>"
            "<h2>Software</h2>"
            "<p>This portal runs on Partnerwerk, free software under the GNU Affero General "
            "Public License version 3 or later.</p>"
        ),
    },
    PRIVACY: {
        "title_de": "Datenschutzerklärung",
        "title_en": "Privacy statement",
        "body_de": (
            "<h2>Was diese Website speichert</h2>"
            "<p>Diese Website setzt keine Tracking-Cookies, nutzt keine Analysewerkzeuge und "
            "lädt nichts von anderen Servern: Schriften, Skripte und die Karte kommen von "
            "dieser Website. Der Webserver protokolliert jeden Abruf (Adresse, Zeit, Seite), "
            "um den Betrieb sicher zu halten; diese Protokolle werden nach kurzer Zeit "
            "gelöscht.</p>"
            "<h2>Feedback-Formular</h2>"
            "<p>Wenn Sie über das Feedback-Formular eine Nachricht senden, speichert das Büro "
            "die Nachricht, die betroffene Seite und, falls angegeben, Ihre E-Mail-Adresse, um "
            "Ihnen zu antworten und die Barriere zu beseitigen (Art. 6 Abs. 1 lit. e DSGVO). "
            "Ihre Netzwerkadresse wird höchstens eine Stunde aufbewahrt, nur um die Zahl der "
            "Nachrichten zu begrenzen.</p>"
            "<h2>Auf dieser Website genannte Personen</h2>"
            "<p>Personen werden nur in ihrer öffentlichen Funktion oder mit ihrer Einwilligung "
            "genannt.</p>"
            "<h2>Ihre Rechte</h2>"
            "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
            "Verarbeitung sowie auf Widerspruch. Sie können sich bei der Landesbeauftragten "
            "für Datenschutz und Informationsfreiheit Nordrhein-Westfalen beschweren.</p>"
        ),
        "body_en": (
            "<h2>What this website records</h2>"
            "<p>This website sets no tracking cookies, uses no analytics and loads nothing from "
            "other servers: fonts, scripts and the map all come from this website. The web "
            "server records each request (address, time, page) to keep the service running "
            "and secure; these records are deleted after a short time.</p>"
            "<h2>Feedback form</h2>"
            "<p>If you send a message through the feedback form, the office stores the "
            "message, the page it is about and, if you give it, your email address, in order "
            "to answer you and to remove the barrier (Art. 6(1)(e) GDPR). Your network address "
            "is kept for at most one hour, only to limit the number of messages.</p>"
            "<h2>People named on this website</h2>"
            "<p>People are named only in their public function, or with their consent.</p>"
            "<h2>Your rights</h2>"
            "<p>You have the right to information, correction, deletion and restriction of "
            "processing, and to object. You can complain to the data protection supervisory "
            "authority of North Rhine-Westphalia.</p>"
        ),
    },
    ACCESSIBILITY: {
        "title_de": "Erklärung zur Barrierefreiheit",
        "title_en": "Accessibility statement",
        "body_de": (
            "<p>Die Stadt Dortmund möchte, dass alle Menschen diese Website nutzen können. Sie "
            "ist gebaut, um die Richtlinien für barrierefreie Webinhalte (WCAG) 2.1, Stufe AA, "
            "und die BITV 2.0 zu erfüllen.</p>"
            "<h2>Stand der Vereinbarkeit</h2>"
            "<p>Die Website ist weitgehend barrierefrei. Bekannte Einschränkungen:</p>"
            "<ul><li>Die Karte ist nicht für alle nutzbar; alle ihre Inhalte stehen auch als "
            "Liste unter der Karte.</li>"
            "<li>Manche Texte gibt es nur auf Deutsch; die englischen Seiten kennzeichnen "
            "sie.</li></ul>"
            "<h2>Durchsetzungsverfahren</h2>"
            "<p>Wenn das Büro nicht zufriedenstellend antwortet, können Sie sich an die "
            "Durchsetzungsstelle des Landes Nordrhein-Westfalen wenden (Ombudsstelle für "
            "barrierefreie Informationstechnik).</p>"
        ),
        "body_en": (
            "<p>The City of Dortmund wants this website to be usable by everyone. It is built "
            "to meet the Web Content Accessibility Guidelines (WCAG) 2.1, level AA, and the "
            "German BITV 2.0.</p>"
            "<h2>State of compliance</h2>"
            "<p>The website is largely compliant. Known limitations:</p>"
            "<ul><li>The map cannot be used by everyone; all of its content is also available "
            "as a list below the map.</li>"
            "<li>Some texts exist only in German; the English pages mark them.</li></ul>"
            "<h2>Enforcement procedure</h2>"
            "<p>If the office does not answer satisfactorily, you can turn to the enforcement "
            "body for accessibility of North Rhine-Westphalia (Ombudsstelle für barrierefreie "
            "Informationstechnik).</p>"
        ),
    },
}


def first_version(key: str):
    """The legal page `key` as an unsaved, published page of its first version."""
    from django.utils import timezone

    from partnerwerk.content.models import Page, Publication

    return Page(
        key=key, status=Publication.PUBLISHED, publish_at=timezone.now(), **LEGAL_PAGES[key]
    )
