"""Real passages from the city's page on its project partnerships (seed 004), word for word."""

DABOLA = (
    "Die Stadtverwaltung Dabolas, Guinea, möchte sich für bessere Lebensbedingungen ihrer "
    "42.000 Mitbürger*innen einsetzen und sieht dabei im Bereich Abfallentsorgung und "
    "Umweltbildung einen wichtigen Fokus. Von der EDG – Entsorgung Dortmund GmbH möchte man "
    "sich über erfolgreiche Projekte v. a. im Bereich der schulischen Umweltbildung und der "
    "gesellschaftliche Sensibilisierung für den Umgang mit Müll austauschen."
)
KUMASI = (
    "Der Klimawandel stellt Kommunen weltweit vor große Herausforderungen. Dortmund möchte "
    "gemeinsam mit der Kumasi, Ghana, sich in Form einer Klimapartnerschaft diesen "
    "Herausforderungen stellen. Beide Städte befassen sich aktuell mit der Erarbeitung eines "
    "stadtweiten Klimaanpassungskonzeptes."
)
DURA = (
    "Im Rahmen der Partnerschaft konnten bereits zahlreiche Akzente im Bereich Müll (Spende "
    "eines Müllfahrzeugs durch die EDG) sowie im Bereich Verbesserung der medizinischen "
    "Versorgung durch einen Hospitanten-Austausch mit dem Klinikum Dortmund gesetzt werden."
)
