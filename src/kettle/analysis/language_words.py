"""The word lists of :mod:`kettle.analysis.language`, written by hand for Kettle.

Each list is the common words of a language as a support desk meets them: its
function words, the everyday verbs and time words, greetings and thanks, and
the words of orders, bills and refunds. They were written from knowledge of
the languages (no corpus was copied) and are kept in the form people type on
phones: lower case, accents and other marks left off ("não" is ``nao``,
"dziękuję" ``dziekuje``, "Rückerstattung" ``ruckerstattung``; "ß" is ``ss``,
"ł" is ``l``), with German's "ue"/"oe" spellings beside the plain ones.

A word that is English too never counts for another language: such words are
in :data:`SHARED` ("no", "me", "die", "van", "hat", "bin", "con", "pro", ...)
or in the English list, and both are taken out of every other list.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Common English words, to weigh against another language's: function words,
#: everyday verbs and support words, contractions and text-speak.
ENGLISH = _words(
    "the to and you my is it of for in this that not have me on be was with your no are"
    " but what get can do just so we at an been has had will would they he she them our us"
    " there their from or if all any still why how when where who which please thanks thank"
    " sorry about again out up now one time being am i'm it's don't can't"
    " by as his her him its were than then too very also only even ever never here these"
    " those some more most much many such each every other another over under into onto"
    " off down back after before since until while because though through without within"
    " again yes yeah yep nope ok okay hey hi hello dear hope well good great bad best better"
    " worse worst new old same own right wrong sure really actually already always today"
    " tomorrow yesterday tonight week weeks month months day days year years hour hours"
    " minutes minute last next first second third two three four five six ten"
    " go going gone went come coming came make made take took taken give gave given know"
    " knew known think thought say said says tell told ask asked see seen saw look looking"
    " want wanted need needed use used try tried trying keep keeps kept let help helped"
    " call called calling phone email emailed wait waiting waited work working works worked"
    " fix fixed pay paid charge charged charges bill billed order ordered orders refund"
    " account service customer support app update problem issue card money delivery"
    " delivered parcel package item items box arrived arrive send sent receive received"
    " still nothing nobody anyone someone something anything everything everyone"
    " cancel cancelled canceled stop stopped open close closed change changed"
    " should could might must may shall i've i'll i'd you're you've you'll we're we've"
    " we'll they're that's there's what's let's isn't aren't wasn't weren't doesn't didn't"
    " haven't hasn't won't wouldn't couldn't shouldn't im dont cant wont didnt doesnt isnt"
    " ive thats whats pls plz thx u ur lol omg btw idk tbh"
    " like love hate need really think way thing things people man guy guys thanks"
    " job home house family friend life world place part lot bit little big long"
    " away around again against along both either neither few less least enough"
    " something nothing already yet soon later early late ago once twice half"
    " got gets getting having does did doing done make makes making"
    " happy help team store shop online line number name address phone internet wifi"
    " broken working slow fast free full empty high low real true false"
)

#: Words of English, its text-speak, typos or names that are common words of another
#: language too ("ya", "em", "ik", "per", "door", "week", "uber", "wil"): never counted
#: as the other language's. The last line was added after counting each list's words
#: in the English of the shared evaluation sets ("comment" was in 532 texts).
SHARED = _words(
    "a i o e y u no me do die den hat bin war was will also so man mal van dan ben al"
    " con pro os um ho ha he sin son hay dos solo favor todo va te na nos num pour non"
    " ca arrive over op we is as in an on to be it at or us am fast art gift see rest"
    " sea yo ya algo han em da vc ate tb ai plus tag uber lg mfg uno mia per dove salve"
    " ecco ci vi ti met dat bent werd kunt wilt mag nu wat hoe er hun om door tot heel"
    " dag week want jest mam ale od ten nic wam nam bo pod comment wo fur ik tak nad wel"
    " wil devo chi dem sa deja"
)

#: The common words of each language (see the module's note on spelling).
OTHERS: dict[str, frozenset[str]] = {
    "es": _words(
        "de el la los las que en una mi mis tu tus su sus es por para se lo le les del pero"
        " muy ya esta este esto estos estas estoy estan estamos tengo tiene tienen tenemos"
        " llevo hace hacer hice nadie nada como mas porque yo usted ustedes hola gracias"
        " tambien todavia aun ahora mismo desde hasta cuando donde quien cual siempre nunca"
        " otra otro vez veces tres dia dias semana semanas mes ayer hoy manana tarde buenas"
        " buenos noches quiero necesito puedo puede pueden podria fue han hemos sido ser"
        " estar eso esa ese aqui alli bien mucho muchas muchos poco algo alguien ningun"
        " ninguna ningunos todos toda todas cada entre sobre hacia pedido dinero factura"
        " reembolso pago cobro cobraron cobran cobrado llego llegado respuesta ayuda"
        " servicio cliente tienda compra envio entrega direccion luz verguenza funciona"
        " funcionar sigue siguen llamar llame llamado devolver cambiar cancelar oye pues"
        " entonces asi creo sea van vamos voy dijo dicen xq pq tmb aca ahi senor senora"
        " lunes martes miercoles jueves viernes sabado domingo hago nos cuenta mejor"
        " saludos disculpa disculpen perdon ahorita contacto pagina traves"
        " sigo seguimos espero esperando esperar hablar hable llamo llamada vino viene"
        " vinieron llega llegan llegue recibi recibido pague pagado pagar cobrar cargos"
        " linea contrasena clave suscripcion paquete producto roto rota equivocado danado"
        " correo numero telefono cancelen cancele devolucion queja reclamo tecnico"
        " repartidor entregado entregaron aparece ayudar ayudenme urgente nuevo nueva"
        " caro precio plata porfa porfavor"
        " pesimo pesima harto harta contesta contestan responde responden decepcionado"
        " decepcionada inaceptable estafa"),
    "pt": _words(
        "de que em uma meu minha meus minhas por para nao se da dos das mas muito muita"
        " muitos ja esta estou estao estamos isso isto esse essa nada sem seu sua seus"
        " suas voce voces vc vcs obrigado obrigada ola bom boa dia dias tarde noite ainda"
        " agora ontem hoje amanha manha pelo pela pelos pelas ao aos tem tenho temos ter"
        " foi fui sao ser estar pode podem posso poderia gostaria quero preciso fazer faz"
        " fiz ate tambem porque pq quando onde como mais menos sempre nunca ninguem"
        " alguem vez vezes duas tres semana semanas encomenda pedido entrega fatura cartao"
        " reembolso dinheiro conta atendimento atendente resposta ajuda ajudar desculpa"
        " desculpe lamentamos transtorno incomodo vamos vou vai aqui entao tudo todos todas"
        " cada outro outra mesmo chegou chegar funciona funcionar continua consigo"
        " consegue tb tbm pra numa dele dela eles elas ele ela nossa nosso ligar ligamos"
        " liguei senhor senhora segunda sexta sabado domingo feira estava ficou contato contacto"
        " entrar atraves pagina"
        " caiu novo nova veio vieram quebrado quebrada produto recebi recebido receber"
        " paguei pagar pago cobrado cobranca cobraram esperando espera esperar aguardando"
        " aguardo falar ligacao linha senha assinatura cancelar cancelamento entregue"
        " entregador correio correios codigo confirmacao aplicativo sinal tecnico visita"
        " errado errada atrasado atraso reclamacao problema nenhum nenhuma mim comigo"
        " pedi compra comprei loja devolver devolucao troca trocar estorno resolver"
        " resolvido gente"
        " cade pessimo pessima absurdo demora decepcionado decepcionada inaceitavel"),
    "fr": _words(
        "de le la les des et est que je pas une mon ma mes pour dans ce qui il elle vous"
        " nous avec sur du au aux ne mais tres j' c' n' l' d' qu' s' m' rien votre vos notre"
        " bonjour bonsoir merci depuis toujours jamais encore deja aussi alors donc parce"
        " comme tout tous toute toutes cette ces sont suis ai avez avons ont etre avoir"
        " fait faire peut pouvez pourriez puis veux voudrais besoin commande colis livraison"
        " remboursement facture compte aujourd'hui hier demain matin soir semaine semaines"
        " jours mois svp stp oui ou quand pourquoi comment personne jai cest moi toi lui"
        " leur leurs cela ceci chez sans apres avant vers madame monsieur beaucoup attendu"
        " recu envoye technicien journee rappeler plus bien"
        " perdu perdue livreur livre livree porte recue attends attendre attente"
        " rembourse remboursez resilier resiliation abonnement connecter connexion"
        " probleme marche fonctionne panne ligne appel appele appeler rappel deux trois"
        " fois vraiment inadmissible honteux scandale arnaque conseiller clients"
        " commandee envoyer expedie suivi numero adresse"
        " nul nulle decu decue decus decevant inacceptable honte toujours"),
    "de": _words(
        "der das und ist nicht ich mein meine meinen meiner meinem ein eine einen einem"
        " einer mit auf fur fuer sie wir zu dem des sich auch noch schon kein keine keinen"
        " seit wochen woche tagen tage bitte danke hallo habe hab haben wird wurde wurden"
        " ware bist sind es aber oder wenn dass weil warum wieso wie wo wer immer heute"
        " gestern morgen jetzt hier mir mich dir dich uns euch ihr ihnen ihre ihren dein"
        " deine unser unsere vielen dank guten tag abend paket bestellung lieferung"
        " rechnung betrag geld konto kunde vertrag kundigen kuendigen erstattung"
        " ruckerstattung rueckerstattung techniker niemand nichts etwas alles viel sehr"
        " gibt geht kann konnen koennen konnte koennte muss mussen muessen soll mochte"
        " moechte bekommen erhalten angekommen angerufen funktioniert leider nur ganz bei"
        " nach aus von vom zum zur uber ueber unter ohne gegen durch drei zwei zweimal"
        " frechheit endlich wieder grusse gruesse mfg lg"
        " wann kommt kommen gekommen paketbote bote zusteller geklingelt klingeln"
        " zugestellt geliefert sendung verloren kaputt defekt falsch zuruck zurueck"
        " bezahlt bezahlen abbuchung kundigung kuendigung gekundigt tarif leitung"
        " anschluss storung stoerung gehen passwort anmelden einloggen zugang bestellt"
        " warte warten gewartet antwort antworten geantwortet anruf rufen termin nachste"
        " naechste monat monaten jahr unverschamt sauerei katastrophe unmoglich scheisse"
        " akzeptabel inakzeptabel enttauscht schlecht schlechter schlechteste mies"),
    "it": _words(
        "il lo la gli le che una uno mio mia miei mie per non si del della dello dei delle"
        " alla allo ai nel nella nei sul sulla ma molto gia sono sei siamo siete hanno"
        " abbiamo avete avuto fatto questo questa quello quella niente nulla senza suo sua"
        " grazie ciao ancora anche adesso oggi ieri domani sempre mai piu ogni tutto tutti"
        " tutte perche quando dove cosa chi buongiorno buonasera salve vorrei voglio posso"
        " potete puo devo dovete essere stato stata ordine pacco consegna consegnato"
        " rimborso fattura abbonamento conto soldi volte volta tre giorni settimane"
        " settimana mese nessuno qualcuno richiama chiamato ricevuto aiuto gentile mille"
        " scusate scusa ecco allora quindi pero l' c' un' d' all' dell' nell' sull'"
        " dall' mi ti ci vi"
        " arrivato arrivata arrivati ricevuta corriere passato spedizione ordinato riesco"
        " riesce accedere accesso funziona funzionare bolletta addebitato addebito pagato"
        " pagare disdetta disdire annullare contratto linea guasto tecnico appuntamento"
        " chiamare chiamata risposta risponde vergogna assurdo schifo pessimo aspetto"
        " aspettando attesa cortesemente gentilmente favore"
        " deluso delusa inaccettabile"),
    "nl": _words(
        "de het een en niet ik mijn met voor zij wij te dat maar nog geen sinds weken"
        " alstublieft bedankt hallo heb hebt heeft hebben bent zijn waren wordt worden werd"
        " kunnen kunt wil wilt willen moet moeten mag zou zal ook nu toen waarom wanneer"
        " waar wat wie hoe welke er hier daar deze dit jullie jij je uw ons onze mij hun"
        " haar zich naar om uit bij aan door tot zonder tegen steeds altijd nooit niks"
        " niets iets iemand niemand elke alle veel weer wel graag goed slecht heel hele"
        " dag dagen week maand vandaag gisteren morgen bestelling bezorgd pakket levering"
        " rekening factuur geld terug klant klanten abonnement dank groet groeten dus"
        " want omdat meer krijg krijgen gekregen gekomen komt komen werkt werken gedaan"
        " gebeld bellen terugbellen thuis laat weten monteur nadat jaar idd gewoon twee"
        " drie vier vijf"
        " opzeggen opgezegd doet werkt kapot storing bezorger bezorging pakketje"
        " aangebeld aangekomen ontvangen betaald betalen afgeschreven terugbetaling"
        " klantenservice wachten wacht gewacht reageert antwoord afspraak inloggen"
        " wachtwoord besteld verkeerd fout schandalig belachelijk alsjeblieft hoi doei"
        " teleurgesteld waardeloos onacceptabel"),
    "pl": _words(
        "nie jest sie mam mamy masz moja moj moje mojego mojej jak juz ale tak czy od za"
        " przez dla przy tylko jeszcze bardzo dzien dobry dobrze dziekuje dzieki prosze"
        " witam pozdrawiam dlaczego czemu kiedy gdzie ktory ktora ktore tego ten tej tym"
        " sa byl byla bylo bede moze mozna musze chce chcialbym chcialabym zamowienie"
        " zamowienia paczka paczki przesylka przesylki faktura zwrot pieniadze pieniedzy"
        " konto oplata oplate razy dwa trzy dni tydzien tygodnie tygodnia wczoraj dzisiaj"
        " dzis jutro nadal wciaz nic nikt wszystko wszystkie pomoc pomocy dziala dzialac"
        " kontakt czekam dzieje mnie ja wy oni wam nam jego jej ich gdy bo wiec jednak"
        " teraz zawsze nigdy bez pod nad przed miedzy jako panstwo"
        " dzialaja aplikacja aplikacji zamowilem zamowilam doszlo doszla przyszedl"
        " przyszla przyszlo kurier kuriera paczkomat odebrac odebralem dostalem dostalam"
        " dostawa zwrocic zaplacilem zaplacilam rachunek umowa umowe rezygnacja anulowac"
        " anulowanie haslo zalogowac technik serwis reklamacja czekamy czekac pilne"
        " skandal zenada beznadzieja porazka miesiac miesiaca zlotych"
        " fatalny fatalna tragedia rozczarowany rozczarowana"),
}

#: The words of greetings, thanks and good wishes ("muchas gracias", "bom dia",
#: "merci beaucoup", "vielen Dank", "dzień dobry"): a run of them is one foreign
#: phrase, as an English message with "Muchas gracias!" at its end has one.
COURTESY = _words(
    "hola buenos buenas dias tardes noches muchas gracias saludos ola bom boa dia tarde"
    " noite obrigado obrigada muito bonjour bonsoir merci beaucoup bonne journee salut"
    " hallo guten morgen abend vielen dank danke schon gruss grusse ciao buongiorno"
    " buonasera grazie mille tante goedemorgen goedemiddag bedankt dzien dobry dziekuje"
    " bardzo witam"
)

#: Each listed language's common words that are neither English nor shared with it: the
#: words that tell the language (the three-word test and the short-message test).
DISTINCT: dict[str, frozenset[str]] = {
    lang: common - ENGLISH - SHARED for lang, common in OTHERS.items()}
#: Every listed language's telling words together.
ANY_DISTINCT: frozenset[str] = frozenset().union(*DISTINCT.values())
