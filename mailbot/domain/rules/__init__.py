"""One module per rule of :func:`mailbot.domain.decide.decide`, in the order they apply:
own mail, bounces and other automated mail, duplicates, an unclear From, follow-ups
by thread, new cases (enrolment, roster changes with the sender's authority), other
mail. :mod:`.reply_cap` and :mod:`.verification` serve several of them."""
