"""Escalation signals: every kind with real sentences, positive and negative."""

from __future__ import annotations

import pytest

from kettle.analysis.playbook import load_playbook
from kettle.analysis.signals import (
    _Compiled,
    _compiled,
    _Phrase,
    detect,
    mask_profanity,
    unmask_swearing,
)
from kettle.analysis.thermo_gate import required_literals, rule_literals
from kettle.analysis.types import SIGNALS


def kinds(text: str) -> set[str]:
    return {s.kind for s in detect(text)}


POSITIVE: list[tuple[str, str]] = [
    # 2026-12-07 probe of messy input (D29): text-speak, phone speech, formal letters.
    ("cancel_threat", "i want a refund NOW or im done with u guys"),
    ("cancel_threat", "cancel my acount i dont want it anymore"),
    ("cancel_threat", "I WANT TO CANCEL!!! this is crap"),
    ("cancel_threat", "Please consider this email notice that I will be moving my accounts "
                      "elsewhere at the end of the month unless this is rectified."),
    ("cancel_threat", "Your service is very bad, I will never buy again here."),
    ("cancel_threat", "Nobody called back. We're evaluating other vendors."),
    ("legal_threat", "If you not give me my money back I will go to the consumer court."),
    ("public_threat", "Regrettably, I must inform you that I shall be sharing my experience in "
                      "a detailed review on Trustpilot."),
    ("public_threat", "Your service is very bad and I tell all my friends."),
    ("manager_demand", "Please I need to speak with responsible person, not with robot."),
    ("manager_demand", "I'd like this escalated to someone with the authority to actually "
                       "resolve it, please."),
    ("repeat_contact", "this is the 4th time im messaging u ppl about the same thing smh"),
    ("repeat_contact", "I am very angry, three times I call and nobody help me."),
    ("repeat_contact", "I mean, I, look, I've called you, what, five times? Five times."),
    ("repeat_contact", "I have now written to you on four separate occasions regarding this."),
    ("repeat_contact", "Please don't ask me for my order number again. I have given it to you "
                       "five times."),
    ("repeat_contact", "it shouldn't have taken three weeks and four phone calls."),
    ("vulnerability", "My husband died in January and the account is in his name."),
    ("vulnerability", "so, uh, my dad passed away in March and I need to close his account"),
    ("vulnerability", "I'm 84 and don't use email, could you post the statement to me?"),
    ("vulnerability", "um, I'm, I'm seventy-eight and not very good with computers"),
    ("vulnerability", "I'm deaf, so please reply by text or email rather than calling."),
    ("vulnerability", "I have a pacemaker, so please confirm the smart meter is safe for me."),
    ("vulnerability", "The insulin fridge stopped working. What do I do?"),
    ("vulnerability", "my card got declined at the pharmacy and I need my meds"),
    ("vulnerability", "I lost my job last month, is there any way to pause my payments?"),
    ("vulnerability", "My bag didn't arrive. It has my wife's medication in it."),
    ("vulnerability", "I've got a newborn and the heating is off."),
    ("service_failure", "Your driver backed into my fence and just drove off!"),
    ("service_failure", "You've double-booked my holiday cottage."),
    ("sarcasm", "I remain, as ever, hopeful that someone at your company is capable of reading."),
    ("sarcasm", "Thanks so much for the 'urgent' replacement that's now two weeks late."),
    ("sarcasm", "Love paying for premium support so I can wait on hold longer than the free "
                "customers."),
    ("sarcasm", "Can't wait for the next email telling me my issue is our top priority."),
    ("sarcasm", "So glad I took a day off work to wait for an engineer who never turned up."),
    ("sarcasm", "Really impressed that you managed to lose a parcel the size of a fridge."),
    ("sarcasm", "Cool, so the fix is to turn it off and on. Why didn't I think of that."),
    ("sarcasm", "Ah yes, the famous 24-hour response time, now in its fifth day."),
    ("sarcasm", "Fantastic customer journey so far: charged twice, refunded never."),
    ("sarcasm", "I'm now on my third 'final' response letter from you."),
    # 2026-12-07 probe: formal wordings, hang-ups, the vulnerable customer.
    ("cancel_threat", "I am terminating my contract with immediate effect."),
    ("legal_threat", "I will be pursuing this through the ombudsman."),
    ("legal_threat", "Thank you for your reply. I have now raised a chargeback with my bank."),
    ("legal_threat", "I have reported this matter to the Financial Conduct Authority."),
    ("manager_demand", "Please pass my complaint to a senior manager."),
    ("public_threat", "I will be leaving a review on Trustpilot describing how this was handled."),
    ("public_threat", "I'll be sharing my experience with the local newspaper."),
    ("public_threat",
     "Wow. Just wow. I'll be leaving a review about how you treat loyal customers."),
    ("hang_up", "I'm leaving this chat, it's pointless."),
    ("hang_up", "I'm putting the phone down now."),
    ("hang_up", "[Call disconnected by customer]"),
    ("service_failure", "It's 6pm. Nobody called. You PROMISED."),
    ("repeat_contact", "You said you'd call by 5. It's now 8pm and nobody has called. Again."),
    ("hang_up", "Customer left the chat"),
    ("hang_up", "I'm not waiting any longer. Goodbye."),
    ("legal_threat", "I'll dispute it with my bank."),
    ("vulnerability", "My mother is 87 and has had no heating since Friday."),
    ("vulnerability", "We have a 5-day-old baby and the power has been off for 14 hours."),
    ("vulnerability", "My husband's oxygen concentrator needs mains power."),
    ("vulnerability", "£4,200 was taken overnight. That was my rent. There is £3 left."),
    ("vulnerability", "I'm on the hard shoulder of the M6 at night and you say 4 hours."),
    ("vulnerability", "The flowers for my father's funeral tomorrow haven't arrived."),
    ("vulnerability", "My dad has dementia and your engineer left the front door open."),
    ("vulnerability", "Account frozen with my wages in it, I can't buy food for the kids."),
    ("vulnerability", "I am disabled and cannot get to the shop."),
    ("cancel_threat", "If this isn't fixed today I'm cancelling my subscription."),
    ("cancel_threat", "I will close my account and take my business elsewhere."),
    ("cancel_threat", "I'm switching to a competitor next week."),
    ("cancel_threat", "I will never use your company again."),
    ("cancel_threat", "I am switching to Verizon as soon as my contract ends."),
    ("cancel_threat", "Never flying with you again."),
    ("cancel_threat", "I won't be recommending you to anyone."),
    ("cancel_threat", "Close my account immediately."),
    ("cancel_threat", "@SpotifyCares close my account now."),
    ("cancel_threat", "Im so done with this company."),
    ("cancel_threat", "Fix it by Friday or I'm cancelling."),
    ("cancel_threat", "Sort this out today, otherwise we will be switching."),
    ("cancel_threat", "Refund me or else I'll cancel everything and go elsewhere."),
    ("cancel_threat", "That's it. I'm cancelling."),
    ("legal_threat", "My lawyer will be in touch about this."),
    ("legal_threat", "I'm going to sue you for the damage."),
    ("legal_threat", "I'll be reporting this to the ombudsman."),
    ("legal_threat", "I'm contacting my bank to do a chargeback."),
    ("legal_threat", "I am going to dispute the charge with my credit card company."),
    ("public_threat", "I'm leaving a 1-star review everywhere I can."),
    ("public_threat", "I'll post this all over social media tonight."),
    ("public_threat", "Expect a scathing review on Trustpilot."),
    ("public_threat", "Tagging @BBCWatchdog so everyone can see how you treat customers."),
    ("public_threat", "Refund me now or I'm cancelling and posting on Twitter."),
    ("public_threat", "I'm going to complain about this on Facebook."),
    ("public_threat", "I will be tweeting about this."),
    ("public_threat", "Everyone will hear about this."),
    ("public_threat", "I'll make sure everyone knows how you treat customers."),
    ("manager_demand", "I want to speak to a manager right now."),
    ("manager_demand", "Put me through to your supervisor."),
    ("manager_demand", "Escalate this to someone more senior, please."),
    ("manager_demand", "Let me speak to someone who actually knows what they are doing."),
    ("manager_demand", "Get me someone who can actually help."),
    ("manager_demand", "Put me through to the complaints department."),
    ("manager_demand", "I am filing a formal complaint."),
    ("repeat_contact", "This is the third time I'm calling about the same bill."),
    ("repeat_contact", "I already told you my order number."),
    ("repeat_contact", "I've emailed you three times and nobody answers."),
    ("repeat_contact", "How many times do I have to explain this?"),
    ("repeat_contact", "This is the fourth email I have sent about this."),
    ("repeat_contact", "I have called five times and nobody calls back."),
    ("repeat_contact", "The app crashed yet again."),
    ("repeat_contact", "I've been transferred four times already."),
    ("repeat_contact", "I keep getting passed from one department to another."),
    ("repeat_contact", "Every time I call I get a different answer."),
    ("repeat_contact", "I have explained this to four different people."),
    ("hang_up", "Forget it, I'll sort it out myself."),
    ("hang_up", "I'm done. Goodbye."),
    ("hang_up", "I'm hanging up now."),
    ("hang_up", "This is useless. I give up."),
    ("shouting", "WHERE IS MY REFUND? I paid two weeks ago."),
    ("shouting", "This is ABSOLUTELY unacceptable."),
    # The name is no shouting; the capitals after it still are (D37).
    ("shouting", "Since COVID-19 you have been USELESS."),
    ("repeated_punctuation", "Where is my parcel!!!"),
    ("repeated_punctuation", "You charged me twice?!?"),
    ("profanity", "This is such bullshit."),
    ("profanity", "What the fuck happened to my order?"),
    ("sarcasm", "Oh great, just what I needed, another delay."),
    ("sarcasm", "Thanks for nothing."),
    ("sarcasm", "Wow, fantastic customer service... not."),
    ("sarcasm", "Yeah, right. Like that will ever happen."),
    ("sarcasm", "I've been waiting 3 weeks for my refund. This is a joke."),
    ("sarcasm", "Your customer service is a complete farce."),
    ("sarcasm", "Are you kidding me? Another delay?"),
    ("sarcasm", "You have got to be joking, it broke again."),
    ("sarcasm", "Your so-called express delivery is laughable."),
    ("service_failure", "The movers were two hours late and the inspection is at 3."),
    ("service_failure", "My parcel never arrived and the tracking says delivered."),
    ("service_failure", "You charged me twice for the same order."),
    ("service_failure", "The vase arrived smashed to pieces."),
    ("service_failure", "You sent me the wrong size again."),
    ("service_failure", "My internet has been down since Monday."),
    ("service_failure", "The app still isn't working after the update."),
    ("service_failure", "Nobody ever answers the phone at your store."),
    ("service_failure", "I have been on hold for 40 minutes."),
    ("service_failure", "I still haven't received my refund."),
    ("service_failure", "The app keeps crashing every time I open it."),
    ("service_failure", "My home hub is constantly rebooting, no WiFi!"),
    ("service_failure", "It crashes every time I log in."),
    ("service_failure", "My package was supposed to arrive Monday. It's Thursday."),
    ("service_failure", "Your engineer was meant to call me back yesterday."),
    ("service_failure", "Your chat bot keeps going round in circles."),
    ("service_failure", "I have been passed from pillar to post all week."),
    ("service_failure", "The charger is missing from my order."),
    ("service_failure", "I was promised a call back and never got one."),
    ("service_failure", "You've lost my parcel."),
    # 2026-12-03, night: wordings a probe of 135 customer messages found missed.
    ("cancel_threat", "honestly thinking of switching to Vodafone after this"),
    ("cancel_threat", "If this isn't fixed by Friday I'm moving my energy supply to Octopus."),
    ("cancel_threat", "Consider this my notice. I won't be renewing my contract."),
    ("cancel_threat", "Port my number out, I'm not paying another penny."),
    ("cancel_threat", "Please send me my PAC code."),
    ("cancel_threat", "I never want to deal with your company again."),
    ("cancel_threat", "Might be time to jump ship."),
    ("cancel_threat", "Just refund me and I'll shop somewhere else."),
    ("legal_threat", "This is a breach of the Consumer Rights Act."),
    ("legal_threat", "I will pursue it legally if I have to."),
    ("legal_threat", "I am taking legal advice."),
    ("legal_threat", "This is going straight to the FCA."),
    ("legal_threat", "I'm reporting you to Ofcom."),
    ("legal_threat", "I will be consulting a lawyer."),
    ("public_threat", "Posting this whole chat on Twitter so people can see."),
    ("public_threat", "I'm going to contact the local paper about this."),
    ("public_threat", "Guess who's writing a very long Google review tonight"),
    ("public_threat", "I'll be letting my 40k followers on TikTok know exactly what you did."),
    ("public_threat", "Next time it's my MP."),
    ("public_threat", "I'm writing to my MP about this."),
    ("manager_demand", "Who is above you? I want their name."),
    ("manager_demand", "I demand this goes to your complaints department and the CEO."),
    ("repeat_contact", "I'm having to chase you for my refund."),
    ("repeat_contact", "Every time I ring I get told something different."),
    ("repeat_contact", "I'm sick of repeating myself."),
    ("hang_up", "whatever. im logging off"),
    ("sarcasm", "cheers for nothing"),
    ("sarcasm", "Thanks a bunch for ruining my weekend."),
    ("sarcasm", "Wow, only 6 weeks for a refund."),
    ("sarcasm", "Brilliant. Absolutely brilliant. The engineer didn't turn up. Again."),
    # Exasperation said as a sentence of its own.
    ("sarcasm", "The parcel arrived smashed. Unbelievable."),
    ("sarcasm", "Unbelievable, absolutely unbelievable."),
    ("sarcasm", "This is unbelievable!"),
    ("sarcasm", "Seriously? You charged me twice again?"),
    ("sarcasm", "Are you serious?"),
    ("sarcasm", "You can't be serious."),
    ("sarcasm", "Oh give me a break."),
    ("sarcasm", "Oh great, another delay."),
    ("sarcasm", "Oh great, it hasn't arrived."),
    ("sarcasm", "Oh joy."),
    ("sarcasm", "I love how you never answer the phone."),
    ("sarcasm", "Love how I have to call five times to get anything done."),
    ("sarcasm", "Thanks a lot, now my order is cancelled."),
    ("sarcasm", "Thanks a lot for making me wait three hours."),
    ("sarcasm", "Great service... still no refund."),
    ("sarcasm", "Fine, whatever."),
    ("sarcasm", "I asked for a refund, not a voucher. Whatever."),
    # From the 2026-12-06 probe of everyday messages.
    ("cancel_threat", "Third engineer, third excuse. I'm cancelling and I'm telling everyone."),
    ("cancel_threat", "Disgraceful. Consider my contract cancelled."),
    ("cancel_threat", "You people are useless. Cancel everything."),
    ("cancel_threat", "Never ordering from @QuickMart again. 2 hours late."),
    ("cancel_threat", "Never shopping at Brightside again."),
    ("manager_demand", "He was rude. I want to speak to his manager."),
    ("manager_demand", "I want this escalated to your supervisor."),
    ("manager_demand", "Is there anyone above you I can talk to?"),
    ("repeat_contact", "This is now the fifth time I've had to ask about my refund."),
    ("repeat_contact", "I've been fobbed off three times now."),
    ("repeat_contact", "No engineer, no call, no apology. 4th time."),
    ("repeat_contact", "Shame it took 3 calls to get here tbh."),
    ("service_failure", "I've been waiting since 3 March for my refund."),
    ("service_failure", "We have been without broadband for 6 days."),
    ("service_failure", "day 4 of no hot water"),
    ("service_failure", "Your agent hung up on me. Twice."),
    ("service_failure", "I got cut off halfway through, so I'm ringing back."),
    ("service_failure", "The call was cut off by your customer service while I was talking."),
    ("service_failure", "I've been charged £450 twice, this is my rent money."),
    ("service_failure", "You've charged my card twice for the same order."),
    ("service_failure", "My mum's heating has been off since Friday."),
    ("sarcasm", "Another 'high call volumes' message. Love that for me."),
    ("sarcasm", "Cheers for delivering my parcel to a different street. Top work lads 🙃"),
    ("profanity", "F*** this company"),
    ("profanity", "F**k you and your refund policy"),
    ("profanity", "What the h*ll is going on"),
    # Phones type curly apostrophes; customers drop them.
    ("hang_up", "I’m done with you."),
    ("repeat_contact", "I’ve called three times."),
    ("repeat_contact", "Ive already told you my order number."),
    ("service_failure", "my wedding dress hasnt arrived and the wedding is saturday"),
    ("service_failure", "The app doesn’t work after the update."),
    # 2026-12-06, evening: threats said as a next step, with the review site or the law.
    ("legal_threat", "I am taking legal action."),
    ("legal_threat", "I am considering legal action against your company."),
    ("legal_threat", "A class action lawsuit will be filed against you."),
    ("legal_threat", "I'm on the border of suing you."),
    ("legal_threat", "I have complained to the Consumer Council."),
    ("legal_threat", "I contacted the FTC about this."),
    ("legal_threat", "I'll be taking this to the ombudsman."),
    ("legal_threat", "See you in small claims court."),
    ("public_threat", "I will be leaving a one star review."),
    ("public_threat", "Expect a very honest review."),
    ("public_threat", "I'll be reviewing you on Trustpilot tonight."),
    ("public_threat", "See you on Trustpilot."),
    ("public_threat", "I'm going to tell all my friends not to shop here."),
    ("public_threat", "I will tell everyone."),
    ("public_threat", "I'll be warning other customers about you."),
    ("cancel_threat", "I'm honestly considering cancelling."),
    ("sarcasm", "Thanks a lot for stranding me in Chicago overnight."),
    # Held-out e-mail probe (2026-12-07), second round.
    ("public_threat", "I will also be publishing a full account of my experience on Google and "
                      "Rightmove reviews."),
    ("public_threat", "Unless I hear from you I will be giving them my story."),
    ("manager_demand", "I now want this complaint passed to a senior manager or director."),
    ("manager_demand", "I want a senior manager responsible for accessibility to contact me."),
    ("vulnerability", "I am 34 weeks pregnant and my midwife says I must keep warm."),
    ("vulnerability", "I was made redundant three weeks ago and I am frightened."),
    ("repeat_contact", "I filled in the online cancellation form twice and nothing happened."),
    ("sarcasm", "It is always reassuring to learn that a broken stabiliser counts as weather."),
    # Held-out e-mail probe (2026-12-07): regulators, repeat contacts in other words.
    ("legal_threat", "I will be making a formal complaint to the General Pharmaceutical Council."),
    ("legal_threat", "I have reported what I saw to the Care Quality Commission."),
    ("repeat_contact", "I have raised this three times now."),
    ("repeat_contact", "I have now opened four support tickets."),
    ("repeat_contact", "For the third week running the lesson was cancelled."),
    # Held-out probe (2026-12-07): thanks for the harm itself.
    ("sarcasm", "Thanks SO much for cutting off my internet the day before my exam."),
    ("sarcasm", "Thanks a lot for disconnecting me mid-call"),
    ("sarcasm", "Thanks so much for charging me twice"),
    ("repeat_contact", "THIS IS THE FOURTH TIME I HAVE RUNG"),
    ("repeated_punctuation", "I am so angry！！！！"),
    ("repeated_punctuation", "Wait ?？？ I have waited for several days."),
    ("repeat_contact", "I had to call three times before anyone answered."),
    ("repeat_contact", "Chased 6 times and still nothing."),
    ("repeat_contact", "I have called every day this week."),
    ("cancel_threat", "We won't be renewing."),
    ("cancel_threat", "Never flying you again."),
    ("sarcasm", "Great job losing my parcel."),
    ("sarcasm", "Well done, you lost my bag again."),
    # A goodbye after displeasure or beside another escalation walks out.
    ("hang_up", "This is useless. Goodbye."),
    ("hang_up", "this update sux I hate it fix it bye"),
    ("hang_up", "Been thinking of cancelling for a while and this gave me reason to. Bye"),
    ("hang_up", "f*** you, bye"),
]

NEGATIVE: list[tuple[str, str]] = [
    ("public_threat", "Thank you, I posted a review on Google saying how helpful you were."),
    ("manager_demand", "The manager I spoke to was lovely."),
    ("vulnerability", "Our cat is pregnant again, can I change the delivery address?"),
    ("sarcasm", "It is always good to know that someone is there."),
    ("legal_threat", "The Care Quality Commission rated the home good."),
    ("repeat_contact", "I opened two cases of wine for the party."),
    ("repeat_contact", "The report was raised three times in parliament."),
    ("repeat_contact", "We won the quiz for the third week running!"),
    ("shouting", "Booking ref FEST-221907 was cancelled on Friday."),
    # A capitalised name joined to a number by a hyphen (D37).
    ("shouting", "I lost my job because of COVID-19 and I'm struggling to pay."),
    ("shouting", "My F-150 has been at the dealer for three weeks."),
    ("shouting", "Mostly because of COVID, my hours were cut."),
    ("shouting", "The NHBC inspector came round on Monday."),
    ("sarcasm", "Thank you so much for cancelling my old direct debit so quickly"),
    ("sarcasm", "Thanks so much for cutting the hedge so neatly!"),
    # 2026-12-07 probe of messy input (D29): near misses that are no signal.
    ("sarcasm", "That's brilliant, exactly what I needed. You've been a star."),
    ("sarcasm", "So glad I called, you sorted it in two minutes."),
    ("sarcasm", "I chose 'express' delivery and it came the next day, thank you."),
    ("cancel_threat", "I'd like to cancel order 55812 please, I ordered it by mistake."),
    ("cancel_threat", "Can I move my money to another account of mine?"),
    ("vulnerability", "I'm 80% sure I entered the right code."),
    ("vulnerability", "I lost my son's birthday card in the post, can you resend it?"),
    ("repeat_contact", "I've used it on three separate occasions and love it."),
    ("legal_threat", "My lawyer says the contract looks fine."),
    ("manager_demand", "Is there someone with the authority to sign for the parcel at the depot?"),
    ("public_threat", "I was going to leave a bad review but honestly this was sorted perfectly."),
    ("public_threat",
     "So you would blame the cook and leave a bad review when you changed the dish?"),
    ("legal_threat", "Trump can file a lawsuit against anyone for any reason."),
    ("manager_demand", "No need to escalate this to your manager, you've been amazing."),
    ("legal_threat", "We have paid our bill and the ombudsman's leaflet is on the table."),
    ("hang_up", "I'm leaving the house at 3, can the engineer come before?"),
    ("vulnerability", "The album function of my mobile phone is disabled."),
    ("vulnerability", "My 3 month old laptop's screen is glitching."),
    ("vulnerability", "Just picked up 3-day-old coffee beans."),
    ("vulnerability", "My dad is 45 and loves football."),
    # 2026-12-07 probe of ordinary traffic: innocent mentions.
    ("legal_threat", "I'll just get my lawyer to look over the contract before I sign."),
    ("legal_threat", "My lawyer says the contract looks fine."),
    ("public_threat", "I'll post a review on Trustpilot, you've been brilliant!"),
    ("public_threat", "Going to tell all my friends on Facebook how great you were."),
    ("cancel_threat", "Just curious, if I cancel my plan mid-contract is there a fee?"),
    ("service_failure", "The present is here today, as you promised. Thank you!"),
    ("service_failure", "You promised it would be fine and it is!"),
    ("repeat_contact", "Could you send it again?"),
    ("cancel_threat", "How do I cancel my subscription?"),
    # Legal talk, a regulator named, a review site addressed: no threat to us.
    ("legal_threat", "The result of this lawsuit was that the landlord lost."),
    ("legal_threat", "Y'all should sue them, not me."),
    ("legal_threat", "The @FCC should protect net neutrality."),
    ("legal_threat", "I don't see why trading standards makes such a fuss over a lotto ticket."),
    ("public_threat", "Can I leave a review on Trustpilot?"),
    ("sarcasm", "You have outdone yourselves, the cake was perfect!"),
    ("hang_up", "I am done being lied to."),
    ("repeated_punctuation", "Hello！ Can you check my order？"),
    ("shouting", "My son is in the NICU and the bill is wrong."),
    ("sarcasm", "Great job fixing my boiler, thank you!"),
    # A goodbye that ends a chat the usual way.
    ("hang_up", "Ok bye"),
    ("hang_up", "Take care. Bye."),
    ("hang_up", "I feel a lot better now. Have a great day! Bye!"),
    ("hang_up", "thank you i think im done for now"),
    ("public_threat", "@Yelp can you add a filter for changing tables?"),
    ("public_threat", "I don't know how to tell my spouse about my childhood."),
    ("public_threat", "I don't like to tell everyone about that."),
    ("public_threat", "It's nice to be able to tell people what I am worried about."),
    ("cancel_threat", "I don't want to cancel, I just need the invoice."),
    ("cancel_threat", "Do I have to move to another country to use the app?"),
    ("cancel_threat", "I am moving to London next month, can I transfer my broadband?"),
    ("cancel_threat", "How do I close my account?"),
    ("cancel_threat", "@SpotifyCares please close my old account, the new one works."),
    ("cancel_threat", "I am switching to paperless billing."),
    ("cancel_threat", "I will switch to the new router tomorrow."),
    ("cancel_threat", "Please close my old account once the new one is set up."),
    ("cancel_threat", "I never use your app on weekends."),
    ("cancel_threat", "Is there a fee if I'm cancelling?"),
    ("cancel_threat", "Let me try the router again, otherwise I'll switch it off and on."),
    ("cancel_threat", "Please knock loudly, or I'll leave the door unlocked for you."),
    ("legal_threat", "My sister is a lawyer's assistant and loves your app."),
    ("legal_threat", "Can you explain this charge on my statement?"),
    ("legal_threat", "My bank says the payment went through yesterday."),
    ("public_threat", "I read the reviews before buying and they were fine."),
    ("public_threat", "Could you share the link so everyone in my team can see it?"),
    ("public_threat", "I saw your post on Twitter about the outage."),
    ("public_threat", "I found the discount code on Facebook, does it still work?"),
    ("public_threat", "Make sure everyone on the account has the new password."),
    ("manager_demand", "My manager asked me to order these for the office."),
    ("manager_demand", "I'd like to talk to someone about upgrading my plan."),
    ("manager_demand", "If he had been rude he would file a formal complaint, not me."),
    ("manager_demand", "Could you give me someone's email address for invoices?"),
    ("repeat_contact", "Hi, I'd like to ask about my first order."),
    ("repeat_contact", "Thanks, it works now. Hopefully it won't break again!"),
    ("repeat_contact", "The second email you sent had the wrong link."),
    ("repeat_contact", "Please transfer the money to my other account."),
    ("repeat_contact", "I explained this to my husband and he agrees."),
    ("hang_up", "Thanks for your help, goodbye!"),
    ("hang_up", "I'm done with the form, what's next?"),
    ("hang_up", "Sorry, I am out for lunch, I'll send it later."),
    ("shouting", "My UPS tracking ID doesn't work, and the FAQ didn't help."),
    ("shouting", "I am a bit annoyed that it is late."),
    ("repeated_punctuation", "Is it shipped? When will it arrive?"),
    ("profanity", "Hello, can you assess the class of my ticket?"),
    ("profanity", "I passed the assignment to my colleague Dickens."),
    ("sarcasm", "Great, thanks, that works perfectly."),
    ("sarcasm", "Thank you for the quick refund."),
    ("sarcasm", "Yeah, right here is the screenshot you asked for."),
    ("sarcasm", "Thanks a lot, I'll fill in the form now."),
    ("sarcasm", "It was a joke, I did not mean to cancel the order."),
    ("sarcasm", "My son told me a joke about your mascot, he loves it."),
    ("sarcasm", "We went to the circus on Saturday, the tickets were great."),
    ("sarcasm", "It's unbelievable how fast you fixed this, thank you!"),
    ("sarcasm", "Are you serious about the discount?"),
    ("sarcasm", "Can you give me a break on the late fee?"),
    ("sarcasm", "Whatever you think is best."),
    ("sarcasm", "I seriously need this by Friday."),
    # Sincere praise: the sarcasm rules need a grievance beside the praise.
    ("sarcasm", "Oh great, thanks so much for sorting that!"),
    ("sarcasm", "Oh nice, that sounds convenient!"),
    ("sarcasm", "Wow great news, thanks!"),
    ("sarcasm", "I love that you called me back so quickly."),
    ("sarcasm", "Great, exactly what I wanted, thanks!"),
    ("sarcasm", "Perfect, just what I needed. Thank you!"),
    ("sarcasm", "Thanks so much, I thought it was lost!"),
    ("sarcasm", "Thank you so much for making this so easy."),
    ("sarcasm", "Wow, only 2 days for the refund, that's quick!"),
    ("sarcasm", "Great service... will definitely order again."),
    ("service_failure", "Will my parcel arrive before Friday?"),
    ("service_failure", "Thanks, the app works perfectly now."),
    ("service_failure", "Can you tell me if the order was delivered?"),
    ("service_failure", "Please send me the invoice for last month."),
    ("service_failure", "I'd like to change my delivery address."),
    ("service_failure", "I keep failing my driving test."),
    ("service_failure", "I keep forgetting my password, can you reset it?"),
    ("service_failure", "My parcel is supposed to arrive on Monday, is that still right?"),
    ("service_failure", "The kids spent the afternoon running round in circles."),
    ("service_failure", "You lost me there, what do you mean by a port code?"),
    ("service_failure", "Is anything missing from my order form?"),
    # Near misses of the night's rules.
    ("cancel_threat", "I'm moving to Spain next year, can I keep my account?"),
    ("cancel_threat", "I am thinking of switching to the annual plan."),
    ("cancel_threat", "I'm porting my number"),
    ("cancel_threat", "Can I renew my contract early?"),
    ("legal_threat", "My lawyer friend recommended you."),
    ("legal_threat", "I'm a solicitor and I need copies of invoices for a client."),
    ("public_threat", "I left you a lovely Google review yesterday."),
    ("public_threat", "My MP recommended your energy scheme."),
    ("manager_demand", "Who is your delivery partner in Leeds?"),
    ("repeat_contact", "I called yesterday and it's sorted now, thanks"),
    ("repeat_contact", "Could you repeat the reference number?"),
    ("hang_up", "I'm logging in now to check."),
    ("sarcasm", "Great! Thanks again for the quick reply."),
    ("sarcasm", "Great. I didn't think it would be so quick!"),
    ("sarcasm", "Wow, it only took two days, thank you!"),
    ("shouting", "NASA and the NHS use your kit, so I'm keen to try it."),
    ("profanity", "Free delivery* on all orders over 20 pounds."),
    ("profanity", "Email me at john@example.com please."),
    ("profanity", "It cost me AU$ 40 to send it back."),
    ("profanity", "It was *really* slow today."),
    # Near misses of the 2026-12-06 rules.
    ("cancel_threat", "Consider my order confirmed, thanks."),
    ("cancel_threat", "Can I cancel the order I placed by mistake?"),
    ("manager_demand", "Do I need to speak to a manager to get a refund approved?"),
    ("manager_demand", "My manager asked me to check the invoice."),
    ("repeat_contact", "This is the first time I've had a problem with you."),
    ("repeat_contact", "It took three days to arrive, which is fine."),
    ("legal_threat", "My solicitor asked me to get a copy of the contract for the house sale."),
    ("service_failure", "I ordered the wrong size by mistake, can I swap it?"),
    ("service_failure", "The government functioned without internet for two hundred years."),
    ("service_failure", "My salary was cut off last month, so I need a payment plan."),
    ("service_failure", "She cut me off in traffic this morning."),
    ("service_failure", "Doesn't my work matter to you?"),
    ("service_failure", "Will I be charged £5 for express delivery?"),
    ("sarcasm", "I'd love that for my birthday!"),
]


@pytest.mark.parametrize(("kind", "text"), POSITIVE)
def test_signal_found(kind: str, text: str) -> None:
    assert kind in kinds(text)


@pytest.mark.parametrize(("kind", "text"), NEGATIVE)
def test_signal_not_found(kind: str, text: str) -> None:
    assert kind not in kinds(text)


def test_every_signal_kind_has_positive_and_negative_cases() -> None:
    assert {k for k, _ in POSITIVE} == set(SIGNALS)
    assert {k for k, _ in NEGATIVE} == set(SIGNALS)


def test_spans_keep_the_curly_apostrophe_as_written() -> None:
    text = "I’m done with you."
    (signal,) = [s for s in detect(text) if s.kind == "hang_up"]
    assert signal.span.text == text[signal.span.start:signal.span.end] == "I’m done"


def test_spans_point_at_the_text() -> None:
    text = "Honestly, I want to speak to a manager!!!"
    for signal in detect(text):
        assert 0 <= signal.span.start < signal.span.end <= len(text)
        if signal.kind != "profanity":
            assert text[signal.span.start : signal.span.end] == signal.span.text


@pytest.mark.parametrize("text, said", [
    ("It arrived smashed. Seriously? Again?", "Seriously?"),
    ("I waited all day.  Give me a break.", "Give me a break."),
    ("The parcel arrived smashed. Unbelievable.", "Unbelievable."),
])
def test_spans_leave_out_the_space_before_a_sentence(text: str, said: str) -> None:
    (signal,) = [s for s in detect(text) if s.kind == "sarcasm"]
    assert signal.span.text == said == text[signal.span.start:signal.span.end]


def test_profanity_is_masked_everywhere() -> None:
    text = "WHAT THE FUCK is this shit, I'm done"
    found = detect(text)
    rendered = " ".join(s.span.text for s in found)
    assert "FUCK" not in rendered and "shit" not in rendered.lower()
    assert any(s.kind == "profanity" and s.span.text == "F***" for s in found)
    assert mask_profanity(text) == "WHAT THE F*** is this s***, I'm done"


def test_self_masked_swearing_counts_as_profanity() -> None:
    assert "profanity" in kinds("You f*cking idiots lost my bag")


def test_self_masked_swearing_is_spelt_out_for_the_model_only() -> None:
    assert unmask_swearing("F**k this company") == "Fuck this company"
    assert unmask_swearing("WHAT THE F**K") == "WHAT THE FUCK"
    assert unmask_swearing("the f***ing app, s**t service") == "the fucking app, shit service"
    assert unmask_swearing("Email john@example.com, delivery* free") == (
        "Email john@example.com, delivery* free")
    # What the customer reads back stays masked.
    assert all("fuck" not in s.span.text.lower() for s in detect("F**k this company"))


def test_self_masked_swearing_reads_as_hot_as_the_word() -> None:
    from kettle.analysis.thermometer import read

    masked, spelt = read("F**k this company"), read("Fuck this company")
    assert masked.temperature == spelt.temperature
    assert masked.temperature > read("This company").temperature + 20


def test_mask_leaves_clean_text_alone() -> None:
    text = "Hello, I passed my class assessment."
    assert mask_profanity(text) == text


def test_order_follows_signal_vocabulary() -> None:
    found = detect("THIS IS RIDICULOUS!!! I'm cancelling my account, damn it.")
    order = [SIGNALS.index(s.kind) for s in found]
    assert order == sorted(order)


def test_organisation_playbook_extends_phrases_and_words() -> None:
    book = load_playbook(
        {
            "signals": {"cancel_threat": {"patterns": [r"\bporting my number\b"]}},
            "profanity": ["frak"],
        }
    )
    found = {s.kind for s in detect("I'm porting my number, frak this", playbook=book)}
    assert {"cancel_threat", "profanity"} <= found
    assert mask_profanity("frak this", playbook=book) == "f*** this"
    assert "cancel_threat" not in kinds("I'm porting my number")


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bsue\b", ("sue",)),
        (r"\bthanks?\s+(?:you\s+)?for\s+nothing\b", ("nothing",)),
        (r"\b(?:i'm|i am)\s+(?:so\s+)?done\b(?!\s+with)", ("done",)),
        (r"\b(?:great|nice)[,!.]*\s+(?:just\s+)?what", ("great", "nice")),
        (r"\bbravo\b|\bslow clap\b", ()),
        (r"\b(?:\d+(?:st|nd))\s+time", ("time",)),
        (r"\b(?:a|b)?\s+", ()),
    ],
)
def test_required_literals(pattern: str, literals: tuple[str, ...]) -> None:
    assert required_literals(pattern) == literals


def test_gating_never_changes_what_is_found() -> None:
    book = load_playbook(None)
    gated = [detect(text, playbook=book) for _, text in POSITIVE + NEGATIVE]
    compiled = _compiled(book)
    ungated = _Compiled(
        tuple(_Phrase(p.kind, p.pattern, p.exclude, None) for p in compiled.phrases),
        compiled.profanity,
    )
    fresh = load_playbook({})
    fresh._cache["signals"] = ungated
    assert [detect(text, playbook=fresh) for _, text in POSITIVE + NEGATIVE] == gated


def test_every_shipped_signal_rule_has_a_literal_gate() -> None:
    # A rule without a required literal runs its regex on every message; the
    # shipped rules are written so that each has one (see thermo_gate).
    book = load_playbook(None)
    ungated = [p for rule in book.signals.values() for p in rule.patterns
               if not rule_literals([p])]
    assert ungated == []
