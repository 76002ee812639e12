"""Standard Webhooks: subscriptions that exist now keep receiving the old X-Protect-* headers
for one release (legacy_signature), and their secret is rewritten as ``whsec_`` + base64 of the
old secret, so both signatures use the same key bytes and the partner needs no new secret."""

import base64

import cms.webhooks.models
from django.db import migrations, models


def to_standard(apps, schema_editor):
    Subscription = apps.get_model("webhooks", "Subscription")
    for subscription in Subscription.objects.all():
        if not subscription.secret.startswith("whsec_"):
            encoded = base64.b64encode(subscription.secret.encode()).decode()
            subscription.secret = "whsec_" + encoded
        subscription.legacy_signature = True
        subscription.save(update_fields=["secret", "legacy_signature"])


def to_legacy(apps, schema_editor):
    Subscription = apps.get_model("webhooks", "Subscription")
    for subscription in Subscription.objects.filter(legacy_signature=True):
        if subscription.secret.startswith("whsec_"):
            raw = base64.b64decode(subscription.secret[len("whsec_") :] + "==")
            subscription.secret = raw.decode()
            subscription.save(update_fields=["secret"])


class Migration(migrations.Migration):
    dependencies = [
        ("webhooks", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="subscription",
            name="legacy_signature",
            field=models.BooleanField(
                default=False,
                help_text="Also send the old X-Protect-Signature headers (subscriptions made before Standard Webhooks; kept for one release).",
            ),
        ),
        migrations.AlterField(
            model_name="subscription",
            name="secret",
            field=models.CharField(
                default=cms.webhooks.models.new_secret,
                help_text="Standard Webhooks secret (whsec_…) for the webhook-signature header. Give it to the partner.",
                max_length=100,
            ),
        ),
        migrations.RunPython(to_standard, to_legacy),
    ]
