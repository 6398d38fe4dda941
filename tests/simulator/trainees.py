"""Scripted trainees: fixed transcripts that follow or break the method."""

from __future__ import annotations

#: Transcripts that follow the method, per story scenario.
METHOD: dict[str, list[str]] = {
    "movers-late-inspection": [
        "I'm really sorry to hear that. That sounds so stressful.",
        "I see. It sounds like this has been extremely stressful, because you needed the truck "
        "there by 1 pm to finish cleaning before the inspection.",
        "I can help you with that. What's the order number, and what did the confirmation say?",
        "Thank you. I will call the depot now and call you back by 11:30 am with the exact "
        "arrival time of the crew.",
        "Thank you for giving us the chance to put this right. Call me directly if anything "
        "else comes up.",
    ],
    "courier-express": [
        "I'm really sorry. That sounds incredibly frustrating: you paid for express and the "
        "samples for your client meeting never left the warehouse.",
        "I understand. It must have been embarrassing to sit in front of your client with "
        "nothing to show. Let me be the one to help you.",
        "Can you tell me what happened when you booked it?",
        "I will put your parcel on our same-day courier now and send you the tracking link "
        "within 30 minutes. I'm also refunding the express fee.",
        "Thank you for giving us the chance to put this right. If anything else comes up, "
        "call me directly.",
    ],
    "shoe-return-no-box": [
        "I'm so sorry. It sounds really unfair to be refused a refund because of a box that "
        "arrived crushed.",
        "I can help you with that. What happened when the shoes arrived?",
        "I will approve your refund as an exception today and e-mail you the confirmation "
        "by 5 pm.",
        "Thank you for your patience, and for giving us the chance to put this right.",
    ],
}

#: Doubts the customer, then hides behind policy.
DOUBT_AND_POLICY: list[str] = [
    "That's strange, that has never happened before. Are you sure that's what happened?",
    "It's not our policy to make exceptions. You have to write to us.",
    "Like I said, it's not our policy.",
]
