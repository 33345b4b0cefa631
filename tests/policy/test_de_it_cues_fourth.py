"""German and Italian cues of the lint-deit4 pass: each case has the positive, the negated or
denied form, and a look-alike that must stay clean.

Negation (it): the Italian cue "mai" ("never") no longer fires on the month "Mai" of a German
or French date ("läuft am 11. Mai aus"). Payment (it): unpaid tolls ("pedaggio non saldato"),
"paga in modo sicuro entro il 6/2". Contact (it): "visitate il centro assistenza",
"contattateci". Respect (de): "Loser wie Dich", "dummes Grinsen", "Hurenpresse", "Zwergnase",
"Scheisz", "die dumme Masse", "Du Einzeller", "deine Dummheit", "zu dumm sind", vocatives of
nouns that are also things ("du Luftpumpe", "du Hund"), "widerlicher Glatzkopf".
The sentences are written for the tests (they are not corpus text).
"""

from __future__ import annotations

from policy_helpers import NOW

from wishdesk.domain.policy import lint, load_rules

RULES = load_rules()
ABUSE = "respect.abuse"
ACCOUNT = "payment.account-request"
OFF = "payment.off-platform"
CONTACT = "contact.off-platform"


def errors(text: str) -> set[str]:
    return {f.rule for f in lint(text, now=NOW, rules=RULES) if f.is_error}


# -- negation: the Italian "mai" is not the German or French month ---------------------------


def test_the_month_mai_after_a_day_does_not_negate_a_german_bank_request() -> None:
    assert ACCOUNT in errors(
        "Ihre pushTAN Registrierung läuft am 11. Mai aus. Bitte verlängern Sie Ihre Legitimation."
    )
    assert ACCOUNT not in errors(
        "Wir werden Sie nie bitten, Ihre pushTAN-Registrierung per SMS zu verlängern."
    )
    assert errors("Ihre Bestellung wird am 11. Mai geliefert.") == set()


def test_the_italian_mai_still_negates() -> None:
    assert ACCOUNT in errors("Verifica la tua carta di credito qui.")
    assert ACCOUNT not in errors("Non ti chiederemo mai di verificare la tua carta di credito.")
    assert errors("Non è mai troppo tardi per un regalo.") == set()


# -- payment (it) ---------------------------------------------------------------------------


def test_an_unpaid_toll_asks_for_payment() -> None:
    assert OFF in errors("Risulta un pedaggio non saldato. Importo 3,50€.")
    assert OFF not in errors("Non risulta alcun pedaggio da saldare: è tutto in regola.")
    assert errors("Il pedaggio autostradale non è incluso nel prezzo del noleggio.") == set()


def test_pay_securely_by_a_date_asks_for_payment() -> None:
    assert OFF in errors("Paga in modo sicuro entro il 6/2.")
    assert OFF not in errors("Non paghi nulla in modo separato entro il 6/2.")
    assert errors("La paga dei corrieri è aumentata entro il 2024.") == set()


# -- contact (it) ---------------------------------------------------------------------------


def test_visit_the_help_centre_or_contact_us_is_a_directive_to_another_channel() -> None:
    assert CONTACT in errors("Per ulteriori informazioni visitate il centro assistenza.")
    assert CONTACT in errors("Per ulteriori informazioni contattateci.")
    assert errors("Per ulteriori informazioni contattateci su Wish.") == set()
    assert errors("Il centro assistenza è aperto dalle 9 alle 18.") == set()


# -- respect (de) ---------------------------------------------------------------------------


def test_losers_like_you() -> None:
    assert ABUSE in errors("Es gibt so viele Loser wie Dich.")
    assert ABUSE in errors("Idioten wie du braucht kein Mensch.")
    assert errors("Ein loser Faden am Ärmel, wie Sie auf dem Foto sehen.") == set()


def test_a_stupid_grin_and_the_stupid_masses() -> None:
    assert ABUSE in errors("Spar dir dein dummes Grinsen.")
    assert ABUSE in errors("Das gefällt nur der dummen Masse.")
    assert errors("Die Masse des Pakets beträgt 2 kg, das Grinsen der Puppe ist aufgedruckt.") == (
        set()
    )


def test_insulting_compounds_and_spellings() -> None:
    assert ABUSE in errors("Die Hurenpresse lügt.")
    assert ABUSE in errors("Zwergnase!!")
    assert ABUSE in errors("Für so einen Scheisz habe ich keine Zeit.")
    assert errors("Die Presse berichtet über den Gartenzwerg mit roter Nase.") == set()


def test_you_single_cell_and_your_stupidity() -> None:
    assert ABUSE in errors("Halt den Ball flach, du Einzeller!")
    assert ABUSE in errors("Deine Dummheit ist grenzenlos.")
    assert ABUSE in errors("Dass sie zu blöd sind, das zu verstehen, wissen wir.")
    assert errors("Der Einzeller im Mikroskop-Set ist gut zu sehen.") == set()


def test_vocatives_of_nouns_that_are_also_things() -> None:
    assert ABUSE in errors("Tu Gutes und sprich drüber, du Luftpumpe.")
    assert ABUSE in errors("Du Hund!")
    assert ABUSE in errors("Sie habens nötig! Widerlicher Glatzkopf!")
    assert errors("Die Luftpumpe liegt bei, Ihr Hund wird das Spielzeug lieben.") == set()
    assert errors("Du Hund ist das Halsband zu klein? Wir tauschen es um.") == set()


# -- contact (de) and a payment look-alike (it), from the second batch's dev fold a misses ----


def test_call_our_customer_service_is_a_directive_to_another_channel() -> None:
    assert CONTACT in errors(
        "Wenn Ihre Bestellung bezahlt ist, rufen Sie bitte während unserer Geschäftszeiten "
        "unsere Kundenservice an."
    )
    assert CONTACT not in errors(
        "Rufen Sie unseren Kundenservice nicht an, schreiben Sie uns hier auf Wish."
    )
    assert errors("Der Kundenservice ist Montag bis Freitag erreichbar.") == set()


def test_write_a_mail_to_our_customer_service_is_a_directive_to_another_channel() -> None:
    assert CONTACT in errors("Schreibe bitte eine kurze Mail an unseren Kundendienst.")
    assert CONTACT not in errors("Sie müssen keine Mail an unseren Kundendienst schreiben.")
    assert errors("Die Mail an unseren Kundendienst ist angekommen, danke.") == set()


def test_you_may_then_pay_with_the_right_reference_is_not_a_payment_request() -> None:
    assert OFF in errors("Effettua il pagamento entro oggi.")
    assert OFF not in errors("Non effettuare il pagamento fuori da questa pagina.")
    assert OFF not in errors(
        "Ti rimborseremo l'importo e potrai quindi effettuare il pagamento "
        "con il numero di riferimento corretto."
    )
