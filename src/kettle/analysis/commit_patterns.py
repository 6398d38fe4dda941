"""The phrasings of a first-person commitment, as compiled regular expressions.

What counts (docs/promises_labelling.md): the agent or the agent's side (I, we,
our staff, a named agent such as "Xiaomei") with will / shall / 'll / going to
/ promise to and an action verb; "let me/us" with an action verb; "you'll hear from us",
"you will receive/get ...", and "expect ... from us / within ...". Not counted:
negated promises, questions, stative wishes ("we will be happy to"), requests
to the customer ("let me know") and statements about a process with no actor
("it will take 3 days", "the refund will be credited").
"""

from __future__ import annotations

import re

#: The cheap first pass: a text without any of these makes no promise.
PREFILTER = re.compile(
    r"will|shall|['’]ll|won['’]?t|shan['’]t|going\s+to|\bpromise\s+to|\blet(?:['’]s|\s+(?:me|us))"
    r"|\bexpect|\b(?:arranged|asked|booked|scheduled|organi[sz]ed|instructed)\b",
    re.IGNORECASE
)

_STAFF = (
    r"staff|team|teams|colleagues?|engineers?|technicians?|specialists?|department|supervisors?"
    r"|managers?|directors?|agents?|workers?|personnel|customer\s+service|after-?sales|courier"
    r"|head|experts?|representatives?|people|store|office|master\s+workers?|company|side|editor"
)

#: What "they" (the staff we passed the case to) can promise: "they will contact you".
_SERVICE = (
    r"contact|call|reply|respond|handle|check|verify|deal|arrange|send|visit|repair|fix|process"
    r"|refund|follow|get\s+back|inform|notify|help|solve|resolve|investigate|look|ring|phone"
    r"|email|e-mail|text|message|confirm|issue|update|book|collect|deliver|sort|review|escalate"
    r"|credit|reimburse|compensate|replace|ship|post|dispatch|waive|remove|cancel|reverse|install"
    r"|activate|reconnect|restore|be\s+in\s+touch|get\s+in\s+touch|reach\s+out"
)

#: Teams named alone as the one who acts: "Billing will call you", "Tech support will email".
_TEAMS = (
    r"billing|tech(?:nical)?\s+support|dispatch|logistics|customer\s+care|the\s+warehouse"
    r"|our\s+warehouse"
)

_SUBJECT = (
    r"(?P<subj>\bI\b|\bwe\b|\b(?:our|my|the\s+relevant|the)\s+(?:[\w-]+\s+){0,3}?(?:"
    + _STAFF + r")\b(?:\s+(?-i:[A-Z][a-z]+)(?=\s+(?:will|shall)\b)"
    # "Our irrigation supervisor, Imran, will come…" (held-out e-mail probe, 2026-12-07).
    r"|,\s*(?-i:[A-Z][a-z]+),(?=\s+(?:will|shall)\b))?"
    # "your account manager" is ours; "your manager" is the customer's boss.
    r"|\byour\s+(?:account|case|relationship|dedicated|personal|assigned)\s+(?:manager|advis[eo]r"
    r"|engineer|technician|representative|agent|specialist|handler|coordinator)\b"
    r"|\b(?:someone|somebody)(?:\s+from\s+(?:our\s+|the\s+)?[\w-]+(?:\s+(?:team|department))?)?\b"
    r"|\ban?\s+(?:[\w-]+\s+){0,2}?(?:staff|colleague|engineer|technician"
    r"|specialist|member\s+of\s+(?:our|the)\s+team|representative|advis[eo]r|agent|consultant"
    r"|case\s+handler|handler|installer|surveyor|driver)\b"
    # A paragraph of an e-mail starts a sentence too ("…\n\nBilling will refund you…").
    r"|(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=[,;]\s)|(?<=\bbut\s)|(?<=\band\s)|(?<=\bso\s))(?:" + _TEAMS
    + r")(?=\s+(?:will|shall)\b)"
    r"|\b(?:Xiao|Little|Shun)\s?[A-Z]?\w*|\bthey\b(?=(?:\s+will|['’]ll)\s+(?:" + _SERVICE + r")\b)"
    r"|(?<=,\s)who(?=\s+will\s+(?:" + _SERVICE + r")\b)"
    r"|(?<=\s)and(?=\s+will\b))"
)

_MODAL = (
    r"(?:\s+(?:will|shall)\b|['’]ll\b|\s+(?:am|are|is)\s+going\s+to\b"
    r"|['’](?:m|re)\s+going\s+to\b|\s+promise\s+to\b)"
)

_ADVERBS = (
    r"(?:\s+(?:also|then|definitely|certainly|surely|personally|immediately|promptly|soon|still"
    r"|now|first|gladly|directly|further|again|actively|quickly|continue\s+to|all|both))*"
)

#: Subject + modal (+ adverbs) up to the verb; ``verb`` is the first word after them.
COMMIT = re.compile(
    _SUBJECT + _MODAL + _ADVERBS + r"\s+(?:(?P<neg>not\b|never\b)\s*)?"
    # A stutter ("I'll I'll call you") is no verb: the second head is the promise.
    r"(?!(?:I|we|will|shall)\b)(?P<verb>[\w’'-]+)",
    re.IGNORECASE,
)

#: A promise said through its negation: "I won't forget to call you", "we will not
#: fail to refund you", "I'll never forget to check".
NOT_FAIL = re.compile(
    r"(?P<subj>\b(?:I|we)\b)(?:\s+(?:will|shall)\s+(?:not|never)|['’]ll\s+(?:not|never)"
    r"|\s+won['’]?t|\s+shan['’]t)\s+(?:ever\s+)?(?:forget|fail|neglect)\s+to\s+(?P<verb>[\w’'-]+)",
    re.IGNORECASE,
)

#: Someone on our side set to do it: "I've arranged for a technician to call you tomorrow
#: between 2pm and 4pm", "I've asked my manager, Priya, to call you by 3pm today" (the
#: promise is ours, the action theirs; 2026-12-07 probe).
ARRANGED = re.compile(
    r"(?P<subj>\b(?:I|we)(?:['’]ve|\s+have)\s+(?:just\s+|now\s+|also\s+|already\s+)?"
    r"(?:arranged|asked|booked|scheduled|organi[sz]ed|instructed)\s+(?:for\s+)?)"
    r"(?P<who>(?:a|an|the|our|my)\s+(?:[\w-]+\s+){0,2}?(?:" + _STAFF + r"|fitter|plumber"
    r"|electrician|surveyor|assessor|locksmith|driver|installer|crew|tradesman|tradesperson)"
    r"(?:,\s*[A-Z][a-z]+,)?)\s+to\s+(?P<verb>[\w’'-]+)",
    re.IGNORECASE,
)

#: A sentence that has a first-person subject before "... and will verify".
FIRST_PERSON = re.compile(r"\b(?:I|we)\b", re.IGNORECASE)

#: "let me check", "let us follow up": the verb after "let me/us".
LET = re.compile(
    r"(?P<subj>\blet(?:['’]s|\s+(?:me|us)))\s+(?P<neg>)(?P<verb>[\w’'-]+)", re.IGNORECASE
)

#: "you'll hear from me", "you will receive a call", "you will have a reply from
#: me" (have + what we send; not "you will have to…"), "expect a replacement".
YOU = re.compile(
    r"(?P<subj>\byou(?:\s+will|['’]ll)(?:\s+also|\s+then|\s+soon)?)\s+(?P<neg>not\s+)?"
    r"(?P<verb>hear|receive|get(?!\s+(?:in|into|through|over|better|worse|used|bored|angry|upset"
    r"|hurt|sick|lost|stuck|along|away|there|past|by|married|tired|old|ill|well|more|even|so|too"
    r"|very|really)\b)|be\s+(?:contacted|called|notified|refunded|compensated|informed)"
    r"|have(?=\s+(?:a|an|the|your|our|my)\s+(?:\w+\s+)?(?:reply|answer|response|update|refund"
    r"|replacement|confirmation|decision|call|callback|e-?mail|message|quote|voucher|credit"
    r"|parcel|package|solution|reference|tracking\s+(?:link|code|number)|link|invoice|receipt|label"
    r"|report)s?\b))\b"
    r"|(?P<esubj>(?:^|(?<=[.!,;]\s)|(?<=\n)|\bplease\s+|\byou\s+(?:can|may|should)\s+)expect)\s+"
    r"(?P<everb>(?:a|an|the|your|our|my|to)\b)",
    re.IGNORECASE,
)

#: A hedge just before "you'll receive / get / hear" makes it a guess, not a promise:
#: "I'm sure you'll get it sorted", "hopefully you'll hear back by Friday".
#: What the agent says they cannot vouch for: "I'm afraid I can't guarantee the engineer will
#: come tomorrow" promises nothing (2026-12-07 probe).
DISCLAIMED = re.compile(
    r"\b(?:can['’]?t|cannot|can\s+not|am\s+unable\s+to|'m\s+unable\s+to|won['’]?t\s+be\s+able\s+to)"
    r"\s+(?:guarantee|promise|say\s+(?:for\s+sure|whether|if)|confirm\s+(?:whether|if|that))\b",
    re.IGNORECASE,
)
#: "I'll let you decide": the choice is the customer's, nothing is promised.
LET_YOU = re.compile(r"\s*you\s+(?:decide|choose|pick|think|have\s+a\s+think|go|be)\b",
                     re.IGNORECASE)

HEDGE = re.compile(
    r"(?:\bI(?:['’]m|\s+am)\s+(?:sure|confident|certain)|\bI\s+(?:hope|think|believe|guess|bet"
    r"|imagine|reckon)|\b(?:hopefully|probably|maybe|perhaps|surely))\s*,?\s*(?:that\s+)?$",
    re.IGNORECASE,
)

#: Verbs after the modal that do not promise an action.
NOT_ACTIONS = frozenset(
    {
        "need", "needs", "require", "appreciate", "hope", "wish", "like", "love", "lose", "miss",
        "have", "take", "cost", "know", "understand", "regret", "feel", "think", "want",
        "forgive", "accept", "wait", "remain", "become", "depend", "charge", "expire",
    }
)

#: Verbs of staying, which promise no action by themselves ("I'll stay on this email for
#: the next 15 minutes", "we will remain committed"; 2026-12-07 e-mail probe) ...
STAYING = frozenset({"stay", "remain"})
#: ... unless they keep on top of something or go on to an action: "I'll stay on top of this
#: and update you by 5pm", "I will remain on the line and call the depot".
STAY_ACTION = re.compile(
    r"\s+on\s+top\s+of\b|[^.!?]*?\band\s+(?:i['’]ll\s+|i\s+will\s+|we['’]ll\s+|we\s+will\s+)?"
    r"(?:call|email|e-mail|update|send|ring|phone|text|check|confirm|get\s+back|come\s+back|follow"
    r"|write|contact|chase|arrange|book|refund|fix|let\s+you\s+know|keep\s+you)\b",
    re.IGNORECASE)

#: "be" + these is a state or a wish, not an action ("we will be happy to help").
BE_STATES = re.compile(
    r"\s*(?:happy|glad|pleased|delighted|grateful|thankful|sorry|honou?red|able|unable|available"
    r"|here|there|at|waiting|the|a|an|your|our|more|very|so|responsible|charged|free|fine|ok|okay"
    r"|closed|open|in\s+charge|valid|effective|subject|billed|deducted|cancell?ed|suspended"
    # Where the agent will be, not what they will do: "I'll be away until Monday".
    r"|away|off(?!\s+to\b)|out\s+of\s+(?:the\s+)?office|on\s+(?:holiday|leave|vacation"
    r"|annual\s+leave|a\s+course|a\s+training)|in\s+(?:a\s+|back-to-back\s+)?meetings?"
    r"|unavailable|travel+ing|working\s+from|off\s+sick|on\s+sick\s+leave)\b",
    re.IGNORECASE,
)

#: Exceptions to "have": "we will have someone call you" is a promise.
HAVE_ACTION = re.compile(
    r"\s+(?:someone|somebody|our|a|an|the|it|this|that)\b"
    # Having something done (held-out e-mail probe, 2026-12-07): "I'll have every other cradle
    # checked", "I'll have your refund processed", "I'll have them call you"; not "I'll have
    # your details on file".
    r"|\s+(?:every|all|each|your|these|those)\b(?:\s+[\w'-]+){0,6}?\s+(?:\w+(?<!e)ed|done|sent|seen"
    r"|fixed|taken|made|set\s+up|sorted|redone|rebuilt|refunded)\b"
    r"|\s+them\s+(?:call|contact|email|e-mail|ring|phone|send|check|look|fix|visit|come|get)\b",
    re.IGNORECASE)

#: "let me know" and other speech acts after "let me/us" that promise nothing.
LET_NOT = frozenset(
    {
        "know", "explain", "say", "tell", "be", "see", "apologize", "apologise", "start",
        "assure", "clarify", "remind", "introduce", "ask", "repeat", "understand", "thank",
        "express", "confirm", "begin", "just", "first", "share", "reiterate", "put",
    }
)

#: Where an action's clause stops: a new sentence part that is not the promise.
CLAUSE_END = re.compile(
    r",\s*(?:so\s+that|and\s+(?:please|you|if|then\s+you)|but|please|thank|if|because|which)\b"
    r"|(?<!\s)\s+(?:so\s+that|if\s+you|because|but)\b|;|\bplease\b"
    r"|(?<!\s)\s+(?:and|so)\s+(?:you|it|this|that|the|your)\b(?!\s+(?:back|know))"
    # ... but not a list of things, then the time: "the confirmation and your refund
    # details by 3pm" is one action.
    r"(?!(?:\s+(?!(?:will|should|is|are|was|were|has|have|can|may|might|would|must)\b)"
    r"[a-z]+){1,2}\s+(?:by|before|within)\b)"
    # "I'll check, I promise.": the pledge tagged on is not part of the action.
    r"|(?:,|(?<![\s,]))\s*\bI\s+(?:promise|swear|guarantee(?:\s+(?:it|you|that))?)\s*(?=[.!,;]|$)",
    re.IGNORECASE,
)

#: Words that start a new clause before a promise ("..., and we will send").
CLAUSE_JOINT = re.compile(
    r"\b(?:and|but|if|so|because|when|which|while|although|though)\b|[;:]", re.IGNORECASE
)

#: Sentence ends; "5 p.m. tomorrow" does not end one.
BOUNDARY = re.compile(r"(?<!\b[ap]\.m)[.!?~。！？]+(?=\s|$|[A-Z])|\n+")


#: A check-in question after a promise in the same sentence: "I'll call you back
#: tomorrow - does 10am work for you?". The promise stands; the question is asked.
CHECK_IN = re.compile(
    r"(?:\s+[-–—]+\s*|,\s*)(?:does|do|is|would|will|shall|can|could|how\s+does|ok|okay"
    r"|alright|all\s+right|sound\s+good|works?\s+for\s+you|yeah|yes|right|fair\s+enough"
    r"|sound\s+ok(?:ay)?|that\s+ok(?:ay)?)\b[^.!?]*\?+\s*$",
    re.IGNORECASE,
)

#: Words quoted back from someone else ("You said: 'I'll chase it up tomorrow'"):
#: a promise inside them is not the agent's.
QUOTED = re.compile(
    r"\"[^\"\n]+\"|“[^”\n]+”|‘[^’\n]+’|(?<![\w'])'(?:[^'\n]|(?<=\w)'(?=\w)){2,}?'(?!\w)"
)

#: A condition before the promise ("If it's not resolved by Friday, I'll …",
#: "Once the payment clears, we will …"): its time words are not the due time.
CONDITION = re.compile(
    r"\b(?:if|unless|once|when|whenever|should|as\s+soon\s+as|after|until)\b[^,;]*[,;]"
    # Said without a comma, the condition runs up to the promise: "If it's not found by
    # Monday I'll send a replacement" (the text is searched up to the promise's subject).
    r"|\b(?:if|unless)\b[^,;]*$",
    re.IGNORECASE,
)

#: An event the promise waits for: "within 24 hours of receiving payment".
AFTER_EVENT = re.compile(
    r"\s*(?:of|after|from|following)\s+(?!now\b|today\b|this\b|the\s+time\s+of\s+this)"
    r"(?:receiving|receipt|the|your|our|us|it|delivery|collection|dispatch|payment|approval"
    r"|when|getting|hearing)\b",
    re.IGNORECASE,
)

#: Said before the promise: it waits for an event ("Once the payment clears, …").
EVENT_LEAD = re.compile(r"\W*(?:once|when|as\s+soon\s+as|after)\b", re.IGNORECASE)

#: A team named alone is a speaker only when it acts ("Billing will call you"), not in
#: a passive about a process ("Billing will be updated"): "be" must say it reaches out.
TEAM_SUBJECT = re.compile(r"(?:" + _TEAMS + r")$", re.IGNORECASE)
TEAM_BE = re.compile(r"\s+(?:in\s+touch|in\s+contact|with\s+you|calling|contacting|emailing"
                     r"|reaching\s+out|back\s+(?:to|in\s+touch))\b", re.IGNORECASE)
