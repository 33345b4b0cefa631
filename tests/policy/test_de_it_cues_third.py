"""German and Italian cues of the lint-de3 pass: each case has the positive, the negated or
denied form, and a look-alike that must stay clean.

Payment (German): a customs fee named in a subordinate or a relative clause ("da die
Zollgebühren nicht bezahlt wurden", "die Sie bezahlen müssen"), a PayPal or bank account said
to be restricted in either word order, a new card to order. Respect: German compounds that end
in an insult ("Ostküstenhure", but not "Broschüre"), profanity written with stars, "so dumm wie
du", "ist ein Clown." (not "ein Clown-Kostüm"); Italian "asfaltali", "sto buffone" (not "buffone
di corte"), "sti parassiti" (not a dog's parasites), "dagli un pugno".
"""

from __future__ import annotations

from policy_helpers import NOW

from wishdesk.domain.policy import lint, load_rules

RULES = load_rules()
ABUSE = "respect.abuse"
ACCOUNT = "payment.account-request"
OFF = "payment.off-platform"


def errors(text: str) -> set[str]:
    return {f.rule for f in lint(text, now=NOW, rules=RULES) if f.is_error}


# -- payment (de) ----------------------------------------------------------------------------


def test_a_customs_fee_in_a_subordinate_clause_asks_for_payment() -> None:
    assert OFF in errors(
        "Ihr Paket konnte nicht zugestellt werden, "
        "da die Zollgebühren (1,79 €) nicht bezahlt wurden"
    )
    assert OFF not in errors(
        "Zollgebühren werden bei Bestellungen über Wish nie von Ihnen verlangt."
    )
    assert (
        errors("Die Zollgebühren wurden bereits vom Verkäufer bezahlt, Sie müssen nichts tun.")
        == set()
    )


def test_a_fee_in_a_relative_clause_asks_for_payment() -> None:
    assert OFF in errors("Ihr Paket unterliegt einer Zollgebühr (2,99€), die Sie bezahlen müssen.")
    assert OFF not in errors("Es gibt keine Zollgebühr, die Sie bezahlen müssen.")
    assert errors("Die Gebühr, die Sie sehen, ist im Preis enthalten.") == set()


def test_a_restricted_paypal_account_in_either_word_order() -> None:
    assert ACCOUNT in errors(
        "Ihr PayPal-Konto haben wir zu Ihrem Schutz eingeschränkt. Bitte identifizieren Sie sich."
    )
    assert ACCOUNT in errors("PayPal Kunde-Bestätigung erforderlich. Konto temporär eingeschränkt.")
    assert ACCOUNT not in errors(
        "Ihr PayPal-Konto ist nicht eingeschränkt, die Rückerstattung läuft."
    )
    assert errors("Der Artikel ist im Moment nur eingeschränkt lieferbar.") == set()


def test_ordering_a_new_bank_card() -> None:
    assert ACCOUNT in errors(
        "Sparkasse: Sie verwenden eine veraltete Karte, beantragen Sie jetzt Ihre neue girocard."
    )
    assert ACCOUNT not in errors("Wir werden Sie niemals bitten, eine neue Karte zu beantragen.")
    assert errors("Ungültige Kreditkartennummer") == set()
    assert errors("Die Hülle passt für eine neue Karte im Geldbeutel.") == set()


# -- respect (de) ----------------------------------------------------------------------------


def test_a_compound_that_ends_in_an_insult() -> None:
    assert ABUSE in errors("Natürlich - die Ostküstenhure droht.")
    assert ABUSE in errors("Stoppt denn keiner diese Dummbacke!")
    assert ABUSE not in errors("Sie sind keine Dummbacke.")
    assert errors("Die Broschüre liegt dem Paket bei.") == set()
    assert errors("Una brochure del governo invita gli imprenditori.") == set()
    assert errors("Man sollte keine Ängste schüren.") == set()


def test_profanity_written_with_stars_or_dots() -> None:
    assert ABUSE in errors("Dem brennt schon der Ar*** vor Angst.")
    assert ABUSE in errors("Zum Kotz**, nur Propaganda.")
    assert ABUSE in errors("Auf die Bewährung schei.......ss ich!")
    assert errors("Bewertung: ***** (5 Sterne)") == set()
    assert errors("Die Schuhe sind bequem... und schön.") == set()


def test_so_stupid_as_you() -> None:
    assert ABUSE in errors("Oder man ist so blöde und dumm wie du.")
    assert ABUSE in errors("Unsere Politiker sind zu blöd, das zu verstehen.")
    assert errors("Das ist zu dumm, dass das Paket verspätet ist.") == set()
    assert errors("Das Kleid ist so schön wie auf dem Bild.") == set()


def test_a_clown_at_the_end_of_a_clause() -> None:
    assert ABUSE in errors("Hab's bereits kommentiert. Der Typ ist ein Clown.")
    assert ABUSE in errors("Das ist genauso ein Spinner, wie der andere.")
    assert ABUSE in errors("Claudia Roth ist eine Schande für Deutschland.")
    assert ABUSE not in errors("Es ist eine Schande, dass das Paket so spät kommt.")
    assert errors("Das ist ein Clown-Kostüm für Kinder.") == set()
    assert errors("Das ist ein Spinner für Hechte und Barsche.") == set()


def test_this_pig_but_not_a_stroke_of_luck() -> None:
    assert ABUSE in errors("Dieses Schwein darf nicht abgeschoben werden.")
    assert ABUSE in errors("Schämt euch ihr dummen Säue")
    assert ABUSE in errors(
        "Menschenrechte dürfen nicht missbraucht werden. Faule Säcke kehren dorthin zurück."
    )
    assert errors("Da haben Sie aber so ein Schwein gehabt!") == set()
    assert errors("Die Säcke sind aus Jute und sehr stabil.") == set()


def test_go_to_hell() -> None:
    assert ABUSE in errors("So ist es. Möge der Zahnarzt zur Hölle fahren!")
    assert errors("Die Hülle fährt nicht ab, sie sitzt fest.") == set()


# -- respect (it) ----------------------------------------------------------------------------


def test_flatten_them() -> None:
    assert ABUSE in errors("Vai capitano... ASFALTALE")
    assert ABUSE in errors("Matteo, sei autorizzato ad asfaltarli senza pieta.")
    assert errors("Il comune deve asfaltare la strada davanti al magazzino.") == set()
    assert errors("Il pacco è arrivato, l'asfalto era bagnato.") == set()


def test_a_buffoon_but_not_the_court_jester() -> None:
    assert ABUSE in errors("Io voto No pur di mandare a casa sto buffone!!")
    assert ABUSE in errors("Ma come si fa a votare per quel pagliaccio")
    assert ABUSE not in errors("Non sei un buffone.")
    assert errors("Il buffone di corte è un personaggio storico.") == set()
    assert errors("Il costume da pagliaccio è disponibile in tre taglie.") == set()


def test_parasites_of_society_but_not_of_a_dog() -> None:
    assert ABUSE in errors("Ma basta sti parassiti!!!")
    assert ABUSE in errors("Parassiti della gente che vuole vivere legalmente!!!")
    assert errors("Il collare protegge il cane dai parassiti per otto mesi.") == set()
    assert errors("Lo spray elimina le zecche e i parassiti del gatto.") == set()


def test_give_him_a_punch() -> None:
    assert ABUSE in errors("Se puoi dagli un pugno cosi forte da sentirlo.")
    assert ABUSE in errors("Che palle ste 2 oche......")
    assert errors("Dagli un'occhiata: il pacco è in consegna.") == set()
    assert errors("Le oche di ceramica sono vendute in coppia.") == set()


def test_censored_italian_swearing() -> None:
    assert ABUSE in errors("Che str.......un giorno in più")
    assert ABUSE in errors("Che gran figli di tro@@ ci stanno uccidendo")
    assert errors("Strada chiusa, str. provinciale 12") == set()


# -- second batch: GermEval 2021 dev items, SpamHunter lines outside the corpus, common insults --


def test_how_stupid_they_are() -> None:
    assert ABUSE in errors("Es zeigt mir wie dumm und beeinflussbar die Deutschen sind.")
    assert ABUSE in errors("Mensch petra reg dich mal ab du alte Buttermilch")
    assert errors("Hast du alte Fotos von der Lieferung?") == set()
    assert errors("Wie dumm von mir, ich habe die Größe verwechselt.") == set()


def test_assi_but_not_italian_aces() -> None:
    assert ABUSE in errors("Die assi Typen lassen wir hier für euch.")
    assert ABUSE in errors("Beide Seiten kranke Spinner!")
    assert errors("Gli assi di legno sono venduti a coppie.") == set()
    assert errors("Die Assi-Ärztin hat angerufen.") == set()


def test_common_german_insult_nouns() -> None:
    assert ABUSE in errors("Du bist ein Armleuchter.")
    assert ABUSE in errors("Dieser Wichtigtuer soll endlich still sein.")
    assert ABUSE not in errors("Sie sind kein Armleuchter.")
    assert errors("Man wollte ihn übertölpeln, aber er passte auf.") == set()
    assert errors("Il bimbo ha ricevuto il pacco.") == set()


def test_a_bank_app_that_the_reader_did_not_activate() -> None:
    text = (
        "Unser Raiffeisen System hat festgestellt das Sie Ihren pushTAN Dienst nicht "
        "aktivieren Klicken Sie hier um Ihren Service zu aktivieren"
    )
    assert ACCOUNT in errors(text)
    assert ACCOUNT in errors(
        "Ihre VR-SecureGo Registrierung läuft ab. Bitte verlängern Sie Ihren Zugang."
    )
    assert ACCOUNT not in errors("Sie müssen Ihre pushTAN-App nicht neu aktivieren.")
    assert errors("Bitte verlängern Sie die Rückgabefrist nicht, sie gilt 30 Tage.") == set()


def test_send_your_mobile_number_or_a_short_code() -> None:
    contact = "contact.off-platform"
    assert contact in errors("Um Ihren Gewinn zu bekommen senden Sie uns Ihren Namen und Mobil Nr")
    assert contact in errors("Holen Sie jetzt Ihren Preis Senden Sie JA an 80888")
    assert contact not in errors("Wir werden Sie nie bitten, Ihre Handynummer zu senden.")
    assert errors("Senden Sie das Paket an die Adresse auf dem Etikett.") == set()


def test_follow_the_procedure_at_the_link() -> None:
    contact = "contact.off-platform"
    assert contact in errors("Se disconosce tale accesso segua la procedura al link")
    assert contact in errors("se non sei stato tu blocca dal link")
    assert errors("Cliccare il seguente link di attivazione per ricevere le newsletter.") == set()
    assert errors("Segua la procedura di reso descritta nella pagina dell'ordine su Wish.") == set()


def test_the_german_party_as_a_handle_or_hashtag() -> None:
    assert errors("#FDP zu #NetzDG") == set()
    assert errors("Man kann gegen die @fdp viel sagen") == set()
    assert errors("Viele haben FdP gewählt.") == set()
    assert ABUSE in errors("seu fdp")
    assert ABUSE in errors("esse fdp vai ver")


def test_how_stupid_must_one_be() -> None:
    assert ABUSE in errors("weil es Ihre Meinung ist - wie Blöd muss man sein")
    assert ABUSE in errors("Wie doof muß man eigentlich sein, um das zu glauben?")
    assert ABUSE in errors("Er tut nur so als ob er ein Grünes .....loch ist !!!")
    assert errors("Wie lang muss man warten, bis das Paket kommt?") == set()
    assert errors("Das Kabel ist 3 m lang... Loch nicht vorgebohrt.") == set()


def test_an_old_witch_but_not_a_costume() -> None:
    assert ABUSE in errors("grüne Quotenhexe mit dabei, diese alte Hexe")
    assert ABUSE in errors("Ohwieschön, ein echter Honk")
    assert ABUSE in errors("Das sind richtige Verbrecher, die vom WDR.")
    assert errors("Das alte Hexe-Kostüm mit Hut ist in Größe M lieferbar.") == set()
    assert errors("Honk the horn twice when you arrive.") == set()


def test_common_italian_insults() -> None:
    assert ABUSE in errors("Sei solo un tamarro rimbambito.")
    assert ABUSE in errors("Quei crucchi non capiscono niente.")
    assert ABUSE not in errors("Non sei un rimbambito.")
    assert errors("Il mio unico cruccio è il ritardo del pacco.") == set()
    assert errors("Ha sbirciato nel pacco prima della consegna.") == set()


def test_idioms_of_stupidity() -> None:
    assert ABUSE in errors("Kann es sein, dass Ihre Schaukel als Kind zu nahe an der Wand stand?")
    assert ABUSE in errors("Du hast doch einen Knall.")
    assert ABUSE in errors("Was hat der denn wieder geraucht?")
    assert ABUSE in errors("Der hat nicht alle Tassen im Schrank.")
    assert errors("Die Schaukel wird mit vier Schrauben an der Wand befestigt.") == set()
    assert errors("Das Set enthält sechs Tassen, die in jeden Schrank passen.") == set()
    assert errors("Der Deckel ist nicht ganz dicht, wir senden Ersatz.") == set()


def test_the_last_dirt_and_a_sick_mind() -> None:
    assert ABUSE in errors("Dieses Land und seine Führung ist der allerletzte Dreck")
    assert ABUSE in errors("Politik-Stil Merkels, ein kranker Geist")
    assert ABUSE in errors("Zeit mit lauter verhaltensgestörten Personen in Berlin")
    assert errors("Ein kranker Mensch braucht Ruhe.") == set()
    assert errors("Das Halsband hilft bei verhaltensgestörten Hunden.") == set()
    assert errors("Der letzte Versand ist morgen, der Dreckfänger liegt bei.") == set()


def test_too_stupid_and_a_brat() -> None:
    assert ABUSE in errors("Du bist auch noch zu blöd mal zu schauen!")
    assert ABUSE in errors("umweltfreundlicher als diese arrogante Göre!")
    assert errors("There was a lot of gore in the film.") == set()
    assert errors("Das ist zu blöd, schade, dass die Farbe ausverkauft ist.") == set()


def test_dehumanising_italian_plurals() -> None:
    assert ABUSE in errors("Cacciamoli via! anche quei porci che dirigono il nostro paese!")
    assert ABUSE in errors("Neanche col bicarbonato..... ammazza che arpie.....")
    assert errors("Le bestie da compagnia viaggiano nel trasportino incluso.") == set()
    assert errors("Il set contiene due oche di ceramica e tre galline ovaiole di legno.") == set()


# -- fa-deit: the review's false alarms on shop text (rows 23-42), each beside its positive -----


def test_ordering_a_product_card_or_a_cardigan_is_no_bank_card() -> None:
    assert ACCOUNT in errors("Bestellen Sie jetzt Ihre neue Kreditkarte.")
    assert ACCOUNT in errors("Aktualisieren Sie jetzt Ihre Karte.")
    assert ACCOUNT not in errors(
        "Bitte bestellen Sie niemals eine neue Kreditkarte über einen Link."
    )
    assert errors("Bestellen Sie bitte eine Kartenhülle in Schwarz.") == set()
    assert errors("Bestellen Sie Cardigans in Größe M.") == set()
    assert errors("Bestellen Sie jetzt Ihre neue Karte mit Ihrem Foto (Fotokarte).") == set()


def test_a_blocked_access_in_another_sentence_needs_the_readers_account() -> None:
    assert ACCOUNT in errors(
        "Ihre Sparkasse informiert: Wir haben Unregelmäßigkeiten festgestellt. "
        "Ihr Online-Zugang wurde gesperrt."
    )
    assert (
        errors(
            "Die Zahlung mit Karte ist möglich. "
            "Leider ist der Zugang zu unserem Lager wegen Inventur gesperrt."
        )
        == set()
    )


def test_a_refund_back_to_the_paypal_account_is_clean() -> None:
    assert OFF in errors("Erstattung per Western Union.")
    assert OFF in errors("Die Erstattung erfolgt per PayPal, außerhalb von Wish.")
    assert errors("Die Erstattung geht auf Ihr PayPal-Konto zurück.") == set()


def test_tools_sausages_and_carnival_noses_are_products() -> None:
    assert ABUSE in errors("Du Flachzange!")
    assert ABUSE in errors("Du Würstchen!")
    assert ABUSE in errors("So ein armes Würstchen.")
    assert ABUSE in errors("Du Pappnase!")
    assert errors("Die Flachzange ist aus Chrom-Vanadium-Stahl.") == set()
    assert errors("Das Paket enthält Flachzange und Seitenschneider.") == set()
    assert errors("Mit dem Grill können Sie Würstchen und Steaks zubereiten.") == set()
    assert errors("Mit dem Grill können Sie Würstchen grillen.") == set()
    assert errors("Pappnasen für Karneval sind wieder da.") == set()


def test_a_wig_head_a_sloth_and_a_card_game_are_products() -> None:
    assert ABUSE in errors("Du Holzkopf, lies doch die Beschreibung.")
    assert ABUSE in errors("So ein Faulpelz, der Verkäufer.")
    assert ABUSE in errors("Du Schafskopf!")
    assert errors("Der Holzkopf für Perücken ist 30 cm hoch.") == set()
    assert errors("Der Faulpelz aus Plüsch ist 40 cm lang.") == set()
    assert errors("Die Schafskopf-Karten sind im bayerischen Blatt.") == set()


def test_the_brightest_candle_is_said_of_a_candle() -> None:
    assert ABUSE in errors("Der ist nicht die hellste Kerze auf der Torte.")
    assert ABUSE in errors("Der ist nicht die hellste Kerze.")
    assert errors("Das ist nicht die hellste Kerze unseres Sortiments.") == set()
    assert errors("Das ist nicht die hellste Kerze im Set, aber sie brennt 40 Stunden.") == set()


def test_a_halloween_witch_and_a_plush_pig_are_products() -> None:
    assert ABUSE in errors("Du Hexe!")
    assert ABUSE in errors("Blöde Hexe!")
    assert ABUSE in errors("Dieses Schwein darf nicht abgeschoben werden.")
    assert errors("Diese Hexe wird mit Batterien geliefert.") == set()
    assert errors("Die böse Hexe leuchtet im Dunkeln, perfekt für Halloween.") == set()
    assert errors("Dieses Schwein ist 30 cm groß und aus Plüsch.") == set()


def test_a_clown_a_jumping_jack_and_a_puppet_are_toys() -> None:
    assert ABUSE in errors("Der Typ ist ein Clown.")
    assert ABUSE in errors("Du bist ein Kasper.")
    assert ABUSE in errors("So ein Hampelmann!")
    assert ABUSE in errors("Du bist eine Marionette.")
    assert ABUSE not in errors("Er ist kein Clown.")
    assert errors("Die Figur ist ein Clown, 20 cm groß.") == set()
    assert errors("Im Paket ist ein Hampelmann und ein Kasper.") == set()
    assert errors("Das ist eine Marionette, keine Handpuppe.") == set()


def test_a_swing_near_the_wall_and_a_shame_after_a_clause() -> None:
    assert ABUSE in errors("Kann es sein, dass Ihre Schaukel als Kind zu nah an der Wand stand?")
    assert ABUSE in errors("Claudia Roth ist eine Schande für Deutschland.")
    assert errors("Die Schaukel kann auch nah an der Wand montiert werden.") == set()
    assert errors("Dass Ihr Paket verloren ging, ist eine Schande. Wir senden Ersatz.") == set()


def test_a_bird_as_a_motif_and_instructions_written_too_badly() -> None:
    assert ABUSE in errors("Du hast doch einen Vogel.")
    assert ABUSE in errors("Ihr seid einfach zu doof.")
    assert errors("Die Tasse? Die hat einen Vogel als Motiv.") == set()
    assert (
        errors("Die Anleitungen sind einfach zu doof geschrieben, wir schicken eine neue.") == set()
    )


def test_italian_geese_blows_and_wooden_clowns_are_products() -> None:
    assert ABUSE in errors("Che palle ste 2 oche......")
    assert ABUSE in errors("Se puoi dagli un pugno cosi forte da sentirlo.")
    assert ABUSE in errors("Questo pagliaccio non sa nulla.")
    assert ABUSE in errors("Io voto No pur di mandare a casa il buffone!!")
    assert ABUSE in errors("Le oche del parlamento hanno votato.")
    assert errors("Abbiamo finito le oche.") == set()
    assert errors("Le oche della fattoria sono in ceramica.") == set()
    assert errors("La custodia protegge il telefono dalle botte e dai graffi.") == set()
    assert errors("Questo pagliaccio di legno è alto 20 cm.") == set()
    assert errors("Il buffone in legno è alto 30 cm.") == set()


def test_fleas_are_parasites_and_a_portable_toilet_is_a_product() -> None:
    assert ABUSE in errors("Siete dei parassiti.")
    assert ABUSE in errors("Questi sono solo dei parassiti.")
    assert ABUSE in errors("Quel cesso della vicina.")
    assert errors("Le pulci sono dei parassiti, usi il collare antiparassitario.") == set()
    assert errors("Questo cesso portatile è perfetto per il campeggio.") == set()


def test_a_shop_that_accepts_a_way_of_paying_asks_for_nothing() -> None:
    assert OFF in errors("Paghi con bonifico bancario sul nostro conto.")
    assert errors("Accettiamo i pagamenti tramite bonifico bancario.") == set()


def test_an_error_that_occurred_is_no_request_to_verify() -> None:
    # "si è verificato" (it occurred) shares the verb of "verifichi la carta"; a clean Magento
    # it_IT string that the linter flagged.
    assert ACCOUNT in errors("Verifichi la sua carta di credito entro 24 ore.")
    assert ACCOUNT not in errors("Non le chiederemo mai di verificare la sua carta di credito.")
    assert errors("Si è verificato un errore durante il salvataggio dei dati della carta.") == set()


def test_more_products_named_like_the_insults() -> None:
    # variants of rows 27, 32, 35 and the Italian plurals: the material or the assembly follows
    assert ABUSE in errors("Du Pappnase!")
    assert ABUSE in errors("Die alte Hexe mit ihren Lügen.")
    assert ABUSE in errors("Queste bestie vanno cacciate.")
    assert errors("Die Pappnase ist rot.") == set()
    assert errors("Rote Pappnasen im 10er-Pack.") == set()
    assert errors("Die alte Hexe aus Holz ist handgeschnitzt.") == set()
    assert (
        errors("Die Schaukel ist zu nah an der Wand montiert? Bitte 50 cm Abstand lassen.") == set()
    )
    assert errors("Questi porci di plastica sono per bambini.") == set()
    assert errors("Queste bestie di plastica sono lavabili.") == set()


def test_a_german_shop_that_accepts_a_way_of_paying_asks_for_nothing() -> None:
    # the accept guard of common.toml, for de.toml's "pay ... by <way>"
    assert OFF in errors("Zahlen Sie per Überweisung auf unser Konto.")
    assert OFF not in errors("Bitte zahlen Sie niemals per Überweisung außerhalb von Wish.")
    assert errors("Wir akzeptieren Zahlungen per Überweisung.") == set()
    assert errors("Wir akzeptieren auch Zahlungen per Banküberweisung.") == set()
